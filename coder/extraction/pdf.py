"""Reading a PDF file into an :class:`Extraction`.

Pages are read in worker processes (parsing is the cost; it is CPU-bound and each page
is independent), a chunk of pages per task so that progress can be shown and memory stays
flat (``page.close()`` after every page). The cheap cross-page work — headers and
footers, reading order, paragraphs, offsets — happens in the parent.

Pages are read with pdfium (:mod:`coder.extraction.pdfium_page`: several times faster
than pdfplumber, giving the same words). A file pdfium cannot open is read with
pdfplumber instead, which then also words the error when neither can (encrypted,
damaged): pdfminer recovers some damaged files pdfium refuses.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFPasswordIncorrect

from coder.errors import CoderError, Notice
from coder.extraction.assemble import assemble
from coder.extraction.furniture import strip_furniture
from coder.extraction.layout import page_layout
from coder.extraction.lifeline import die_with_parent
from coder.extraction.model import Extraction
from coder.extraction.pdfium_page import PdfiumPage
from coder.extraction.words import Line, PageRecord, TableRecord, Word, read_page

EXTRACTOR = "coder-layout/2"  # 2: layout blocks, spreads, furniture by repetition
PDFIUM, PDFPLUMBER = "pdfium", "pdfplumber"  # the two page readers (see read_pages)
CHUNK = 4
PARALLEL_FROM_PAGES = 12  # below this, starting (forked) workers costs more than it saves (pdfium reads a
# short report in a fraction of a second; measured on the demo corpus: 0.45 s in one process, 0.75 s in two)

ProgressFn = Callable[[int, int], None]


class ExtractionError(CoderError):
    """The file cannot be read as a PDF at all (the message names the file)."""


def check_pdf_header(path: Path) -> None:
    """Fail fast, with a clear reason, on files that are not PDFs."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise ExtractionError(f"{path}: cannot read file ({exc.strerror})") from exc
    if not head:
        raise ExtractionError(f"{path}: empty file (0 bytes), not a PDF")
    if b"%PDF-" not in head:
        raise ExtractionError(f"{path}: not a PDF (no %PDF header)")


def _open(path: Path, password: str | None) -> pdfplumber.pdf.PDF:
    try:
        return pdfplumber.open(path, password=password or "")
    except Exception as exc:  # pdfminer raises many types on broken files, some with no message
        cause = exc.args[0] if exc.args else exc
        if isinstance(exc, PDFPasswordIncorrect) or isinstance(cause, PDFPasswordIncorrect):
            hint = "wrong password" if password else "give its password"
            raise ExtractionError(f"{path}: PDF is encrypted ({hint})", params=("password",)) from exc
        reason = f"{type(cause).__name__}: {cause}".rstrip(": ")
        raise ExtractionError(f"{path}: cannot open PDF, damaged or truncated ({reason})") from exc


def read_pages(path: str, password: str | None, numbers: list[int], reader: str = PDFIUM) -> list[PageRecord]:
    """Worker task: read the given 1-based pages of one PDF with ``reader``."""
    records = []
    with _document(Path(path), password, reader) as pages:
        for number in numbers:
            try:
                page = pages[number - 1]
            except Exception as exc:
                records.append(PageRecord(number, 0, 0, error=f"{type(exc).__name__}: {exc}"))
                continue
            records.append(read_page(page, number))
            page.close()
    return records


class _Pages:
    """The pages of an open pdfium document, each as a :class:`PdfiumPage`."""

    def __init__(self, path: Path, password: str | None) -> None:
        self.doc = pdfium.PdfDocument(path, password=password)

    def __getitem__(self, index: int) -> PdfiumPage:
        if not 0 <= index < len(self.doc):
            raise IndexError(f"no page {index + 1}")
        return PdfiumPage(self.doc[index])

    def __enter__(self) -> _Pages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.doc.close()


@contextmanager
def _document(path: Path, password: str | None, reader: str) -> Iterator[Any]:
    if reader == PDFIUM:
        with _Pages(path, password) as pages:
            yield pages
    else:
        with _open(path, password) as pdf:
            yield pdf.pages


def open_reader(path: Path, password: str | None = None, reader: str | None = None) -> tuple[str, int]:
    """The reader that opens ``path`` and its page count; the one-line errors when none can.

    ``reader``: PDFIUM or PDFPLUMBER to use that one only (to compare them), None for
    pdfium with pdfplumber behind it."""
    if reader not in (None, PDFIUM, PDFPLUMBER):
        raise ValueError(f"unknown page reader {reader!r}")
    if reader != PDFPLUMBER:
        try:
            with pdfium.PdfDocument(path, password=password) as doc:
                return PDFIUM, len(doc)
        except Exception as exc:  # pdfium's refusal says little ("Data format error"): pdfplumber words it
            if reader == PDFIUM:
                raise ExtractionError(f"{path}: pdfium cannot open it ({exc})") from exc
    with _open(path, password) as pdf:
        return PDFPLUMBER, len(pdf.pages)


def page_count(path: Path, password: str | None = None) -> int:
    return open_reader(path, password)[1]


def _read_all(path: Path, password: str | None, total: int, jobs: int,
              progress: ProgressFn | None, reader: str = PDFIUM) -> list[PageRecord]:
    # a few chunks per worker: each chunk re-opens the file, so fewer is faster, but
    # progress is reported per chunk, so not too few
    size = max(CHUNK, -(-total // (max(jobs, 1) * 4)))
    chunks = [list(range(i, min(i + size, total + 1))) for i in range(1, total + 1, size)]
    records: list[PageRecord] = []
    if jobs <= 1 or total < PARALLEL_FROM_PAGES:
        for chunk in chunks:
            records += read_pages(str(path), password, chunk, reader)
            if progress:
                progress(len(records), total)
        return records
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), initializer=die_with_parent) as pool:
        futures = [pool.submit(read_pages, str(path), password, chunk, reader) for chunk in chunks]
        for future in as_completed(futures):
            records += future.result()
            if progress:
                progress(len(records), total)
    return sorted(records, key=lambda r: r.page)


def _table_line(table: TableRecord, page: int) -> Line:
    text = "\n".join(" | ".join(cell for cell in row) for row in table.rows)
    anchor = Word("", table.x0, table.x1, table.top, table.bottom, 0.0, False, False)
    return Line([anchor], page, table=text)


def body_size(records: list[PageRecord]) -> float:
    """The type size most characters are set in."""
    counts: Counter[float] = Counter()
    for record in records:
        for line in record.lines:
            for word in line.words:
                counts[word.size] += len(word.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def extract_pdf(path: str | Path, *, password: str | None = None, progress: ProgressFn | None = None,
                jobs: int | None = None, ocr_pages: list[int] | None = None,
                reader: str | None = None) -> Extraction:
    """Extract one PDF; a page that fails is reported in ``warnings`` and left empty.

    ``reader``: force one page reader (PDFIUM or PDFPLUMBER), as benchmarks.reader_diff
    does to compare them; by default pdfium, pdfplumber when pdfium cannot open the file.

    ``ocr_pages``: the pages an OCR pass has just read (``path`` is then the OCR'd copy),
    so the warnings say what OCR did instead of asking for OCR again."""
    path = Path(path)
    check_pdf_header(path)
    reader, total = open_reader(path, password, reader)
    records = _read_all(path, password, total, jobs or os.cpu_count() or 1, progress, reader)
    if records and all(r.error for r in records):  # a page tree whose pages are missing
        raise ExtractionError(f"{path}: no pages could be read (damaged or truncated PDF; "
                              f"page 1: {records[0].error})")
    warnings = [f"page {r.page}: skipped ({r.error})" for r in records if r.error]
    if ocr_pages:
        warnings.append(f"pages {', '.join(map(str, ocr_pages))}: text from OCR (check it against the scan)")
        warnings += [f"page {r.page}: no text even after OCR (blank or unreadable scan)"
                     for r in records if r.image_only]
    else:
        warnings += [Notice(f"page {r.page}: no text layer (scanned image?); read it with OCR",
                            params=("ocr",)) for r in records if r.image_only]
    body = body_size(records)
    numbers = strip_furniture(records, body)
    ordered, labels = [], {}
    for record in records:
        lines = record.lines + [_table_line(t, record.page) for t in record.tables]
        placed, fold = page_layout(lines, record.width, record.height, body, record.shaded)
        ordered.append(placed)
        labels[record.page] = page_label(numbers.get(record.page, []), fold)
    image_only = {r.page for r in records if r.image_only}
    return assemble(ordered, [r.page for r in records], image_only, warnings, EXTRACTOR, labels)


def page_label(numbers: list[tuple[float, str]], fold: float | None) -> str | None:
    """The printed page number(s) of a PDF page: one, or left–right on a spread."""
    if not numbers:
        return None
    if fold is None:
        return numbers[0][1]
    left = [n for x, n in numbers if x < fold]
    right = [n for x, n in numbers if x >= fold]
    return "–".join(side[0] for side in (left, right) if side)
