"""Extraction quality against hand-written gold: ours next to a plain pdfplumber read.

Gold comes from two places: ``tests/extraction/gold/*.yaml`` for the real PDFs in
``/work/shared/real/pdf`` (written by reading the pages, see the README there) and the
generated magazine documents of :mod:`tests.extraction.magazine` (gold recorded while
laying them out). Per document this measures:

- *sentences intact*: share of gold sentences found unbroken (case, spacing, hyphens,
  digits and punctuation ignored; a header or a neighbouring column inside a sentence breaks it);
- *furniture left*: occurrences of running headers/footers and bare page numbers;
- *quotes*: recall, precision (when the gold lists every quote), start page right,
  speaker role right, scored by :mod:`tests.quotes.scoring` against the quote gold of
  ``tests/extraction/gold`` and ``tests/quotes/gold`` (one format), using the project's
  quote detection on each read. A quote gold whose PDF has no sentence gold (the built
  brochure) is a document of its own, measured on quotes only.

Used by ``benchmarks/quality.py`` (the table) and ``tests/extraction/test_quality.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.extraction import magazine
from tests.quotes.scoring import QuoteScore
from tests.quotes.scoring import score as score_quotes

GOLD = Path(__file__).resolve().parent / "gold"
QUOTE_GOLD = Path(__file__).resolve().parents[1] / "quotes" / "gold"
REAL = Path("/work/shared/real/pdf")


def letters(text: str) -> str:
    """Letters only: a footnote marker glued to a word ("AVG,11 een") does not break a
    sentence for a reader, and the gold leaves such markers out."""
    return re.sub(r"[^a-zà-ÿ]", "", text.lower())


@dataclass
class Doc:
    name: str
    kind: str
    pdf: Path
    sentences: list[dict[str, Any]]
    furniture: list[str]  # regular expressions
    page_numbers: list[int] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    quotes_complete: bool = True
    page_offset: int = 0  # gold pages are pages of the original file; the read file may start later


@dataclass
class Read:
    """One way of reading a PDF: its text, page starts and candidate quotes."""

    text: str
    pages: list[tuple[int, int, int]]  # (page, start, end)
    quotes: list[Any]

    def page_at(self, offset: int) -> int | None:
        return next((p for p, s, e in self.pages if s <= offset < e), None)


@dataclass
class Score:
    sentences: float | None
    furniture: int
    quotes: QuoteScore | None = None
    broken: list[str] = field(default_factory=list)


def real_docs(folder: Path) -> list[Doc]:
    """The real PDFs with a gold file (skipped when the real set is not on this machine)."""
    docs = []
    for path in sorted(GOLD.glob("*.yaml")):
        g = yaml.safe_load(path.read_text(encoding="utf-8"))
        pdf = REAL / g["file"]
        if not pdf.exists():
            continue
        offset = 0
        if "pages" in g:
            lo, hi = g["pages"]
            pdf, offset = subset(pdf, lo, hi, folder / f"{path.stem}.pdf"), lo - 1
        quotes = g.get("quotes", []) + quote_gold(g["file"])
        docs.append(
            Doc(
                path.stem,
                g["kind"],
                pdf,
                g["sentences"],
                g.get("furniture", []),
                [],
                quotes,
                g.get("quotes_complete", True),
                offset,
            )
        )
    return docs


def _quote_gold_files() -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(QUOTE_GOLD.glob("*.yaml"))]


def quote_gold(file: str) -> list[dict[str, Any]]:
    """The quotes ``tests/quotes/gold`` lists for the real PDF ``file``."""
    return [q for g in _quote_gold_files() if Path(g.get("path") or "").name == file
            for q in g.get("quotes") or []]


def quote_only_docs(folder: Path) -> list[Doc]:
    """Quote gold for a PDF built by a module (no sentence gold): measured on quotes only."""
    import importlib

    docs = []
    for g in _quote_gold_files():
        if not g.get("build"):
            continue
        pdf = importlib.import_module(g["build"]).build(folder / g["document"])
        docs.append(Doc(Path(g["document"]).stem, "two-column", pdf, [], [], [], g.get("quotes") or []))
    return docs


def subset(pdf: Path, first: int, last: int, out: Path) -> Path:
    """Pages ``first..last`` of ``pdf`` as their own file (a long report cut to bench size)."""
    import pypdfium2 as pdfium

    if not out.exists():
        src, new = pdfium.PdfDocument(pdf), pdfium.PdfDocument.new()
        new.import_pages(src, list(range(first - 1, last)))
        new.save(out)
        new.close()
        src.close()
    return out


def generated_docs(folder: Path, names: list[str] | None = None) -> list[Doc]:
    docs = []
    for name in names or magazine.GENERATED:
        g = magazine.build_any(name, folder)
        docs.append(
            Doc(
                name,
                g.kind,
                Path(g.file),
                g.sentences,
                [re.escape(f) for f in sorted(set(g.furniture))],
                g.page_numbers,
                [{**q, "end": q.get("end") or " ".join(q["text"].split()[-4:])} for q in g.quotes],
                True,
            )
        )
    return docs


def read_ours(pdf: Path, jobs: int = 2) -> Read:
    from coder.extraction import extract_pdf
    from coder.quotes.detect import detect_quotes

    e = extract_pdf(pdf, jobs=jobs)
    quotes = detect_quotes(e.text, italics=e.italics, blocks=e.blocks)
    return Read(e.text, [(p.page, p.start, p.end) for p in e.pages], list(quotes))


def read_plain(pdf: Path) -> Read:
    import pdfplumber

    from coder.quotes.detect import detect_quotes

    parts, pages, at = [], [], 0
    with pdfplumber.open(pdf) as doc:
        for n, page in enumerate(doc.pages, 1):
            t = (page.extract_text() or "") + "\n"
            pages.append((n, at, at + len(t)))
            parts.append(t)
            at += len(t)
            page.close()
    text = "".join(parts)
    return Read(text, pages, list(detect_quotes(text)))


def furniture_left(doc: Doc, text: str) -> int:
    left = sum(len(re.findall(p.replace(r"\ ", r"\s+"), text)) for p in doc.furniture)
    numbers = {str(n) for n in doc.page_numbers}
    left += sum(1 for m in re.finditer(r"(?m)^\s*(\d{1,3})\s*$", text) if m.group(1) in numbers)
    return left


def intact(sentence: dict[str, Any], flat: str) -> bool:
    """Is the gold sentence in the letters-only text ``flat``, unbroken?

    A sentence is given either as ``text`` or, for a document whose licence does not let us
    keep its text, as its opening words (``head``), the number of its letters and a hash of
    them: every place where the head's letters occur is then checked against the hash.
    """
    if "text" in sentence:
        return letters(sentence["text"]) in flat
    head, size, digest = letters(sentence["head"]), sentence["letters"], sentence["sha1"]
    at = flat.find(head)
    while at >= 0:
        if hashlib.sha1(flat[at:at + size].encode()).hexdigest().startswith(digest):
            return True
        at = flat.find(head, at + 1)
    return False


def shown(sentence: dict[str, Any]) -> str:
    return str(sentence.get("text") or f"{sentence['head']} … (page {sentence['page']})")


def score(doc: Doc, read: Read) -> Score:
    flat = letters(read.text)
    broken = [shown(s) for s in doc.sentences if not intact(s, flat)]
    share = 1 - len(broken) / len(doc.sentences) if doc.sentences else None
    result = Score(share, furniture_left(doc, read.text), broken=broken)
    if doc.quotes:
        result.quotes = score_quotes(doc.quotes, read.quotes, read.page_at,
                                     complete=doc.quotes_complete, page_offset=doc.page_offset)
    return result


def evaluate(docs: list[Doc], readers: dict[str, Callable[[Path], Read]]) -> dict[str, dict[str, Score]]:
    return {doc.name: {name: score(doc, reader(doc.pdf)) for name, reader in readers.items()} for doc in docs}
