"""The two page readers side by side on a folder of PDFs: does pdfium lose or garble text
that pdfplumber reads?

For each PDF under DIR (recursively), :func:`coder.extraction.pdf.extract_pdf` runs once
with the pdfium reader and once with pdfplumber's, in one process each (``jobs=1``, so
the times compare). The texts are compared letters only (case and everything but
letters and digits dropped, so a space or line break placed differently does not count),
as a whole and per page. One line per file: pages, words pdfium / pdfplumber, the
similarity (difflib ratio), that of the sequences of words, the time of each, and a flag
when they differ materially (similarity < 0.99, words < 0.98, a page whose text one
reader has and the other lacks, or one reader failing where the other does not).
``-v`` shows the first differing pages.

Run: ``python -m benchmarks.reader_diff DIR [-v]``.
"""

from __future__ import annotations

import difflib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from coder.extraction.model import Extraction
from coder.extraction.pdf import PDFIUM, PDFPLUMBER, extract_pdf

MATERIAL = 0.99  # below this similarity a file is looked at
WORDS_MATERIAL = 0.98  # the same for the words (two run together, or one split, count here)


@dataclass
class Read:
    """One reader's result on one file."""

    pages: list[str] = field(default_factory=list)  # each page's text
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.pages)


def letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if len(a) * len(b) > 4e8:  # quadratic: estimate on long texts
        return matcher.quick_ratio()
    return matcher.ratio()


def word_similarity(a: Read, b: Read) -> float:
    """How alike the two sequences of words are: catches words run together or split,
    which the letters-only comparison does not see."""
    wa, wb = " ".join(a.pages).split(), " ".join(b.pages).split()
    if wa == wb:
        return 1.0
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    return matcher.ratio() if len(wa) * len(wb) < 1e8 else matcher.quick_ratio()


def read(path: Path, reader: str) -> Read:
    start = time.perf_counter()
    try:
        result: Extraction = extract_pdf(path, jobs=1, reader=reader)
    except Exception as exc:  # the comparison is about errors too
        return Read(error=f"{type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}",
                    seconds=time.perf_counter() - start)
    pages = [result.text[s.start:s.end] for s in result.pages]
    return Read(pages, [str(w) for w in result.warnings], seconds=time.perf_counter() - start)


def page_similarities(a: Read, b: Read) -> list[tuple[int, float, int, int]]:
    """Per page: number, similarity, letters in a, letters in b (pages beyond one's count are empty)."""
    rows = []
    for n in range(max(len(a.pages), len(b.pages))):
        la = letters(a.pages[n]) if n < len(a.pages) else ""
        lb = letters(b.pages[n]) if n < len(b.pages) else ""
        rows.append((n + 1, similarity(la, lb), len(la), len(lb)))
    return rows


def compare(path: Path, verbose: bool) -> bool:
    """Print the line for ``path``; True when the readers differ materially."""
    ours, theirs = read(path, PDFIUM), read(path, PDFPLUMBER)
    ratio = similarity(letters("".join(ours.pages)), letters("".join(theirs.pages)))
    split = word_similarity(ours, theirs)
    pages = page_similarities(ours, theirs)
    lost = [n for n, _, la, lb in pages if lb and not la]
    material = (ratio < MATERIAL or split < WORDS_MATERIAL or bool(ours.error) != bool(theirs.error)
                or bool(lost) or len(ours.pages) != len(theirs.pages))
    flag = "DIFF" if material else "ok"
    print(f"{flag:4} {path.name[:44]:44} pages {len(ours.pages):4}/{len(theirs.pages):<4} "
          f"words {ours.words:6}/{theirs.words:<6} sim {ratio:.3f} words {split:.3f} "
          f"time {ours.seconds:6.2f}/{theirs.seconds:<6.2f}", flush=True)
    for name, result in (("pdfium", ours), ("pdfplumber", theirs)):
        if result.error:
            print(f"     {name} error: {result.error}")
    if material and verbose:
        warned = set(ours.warnings) ^ set(theirs.warnings)
        for w in sorted(warned)[:4]:
            print(f"     warning only in {'pdfium' if w in ours.warnings else 'pdfplumber'}: {w[:110]}")
        for n, r, la, lb in [p for p in pages if p[1] < MATERIAL][:3]:
            print(f"     page {n}: sim {r:.3f}, letters {la}/{lb}")
            a = ours.pages[n - 1] if n <= len(ours.pages) else ""
            b = theirs.pages[n - 1] if n <= len(theirs.pages) else ""
            print(f"       pdfium:     {a[:150]!r}")
            print(f"       pdfplumber: {b[:150]!r}")
    return material


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(a) for a in argv if not a.startswith("-")]
    if not folders:
        print(__doc__)
        return 2
    files = sorted(p for folder in folders for p in (folder.rglob("*") if folder.is_dir() else [folder])
                   if p.suffix.lower() == ".pdf")
    print("flag file pages pdfium/pdfplumber, words pdfium/pdfplumber, letters-only similarity, "
          "words similarity, seconds pdfium/pdfplumber")
    differing = sum(compare(path, verbose) for path in files)
    print(f"\n{len(files)} files, {differing} differ materially (similarity < {MATERIAL}, "
          f"words < {WORDS_MATERIAL}, lost pages, "
          f"or one reader failing alone)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
