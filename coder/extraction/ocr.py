"""Optional OCR for scanned PDFs, through ocrmypdf (which adds a text layer).

OCR is slow and needs external programs (ocrmypdf, tesseract with the Dutch model), so
it only runs when asked for (``coder import --ocr``) and when the tools are there; the
OCR'd copy goes to a temporary folder, the original is never changed.

Which pages: every page the extractor found no words on, given by number. ocrmypdf's
``--skip-text`` is the wrong switch: a scan often carries a few invisible characters
(a stray text object, whitespace) and would be skipped. ``--force-ocr`` limited with
``--pages`` rasterises and reads exactly the pages without words and leaves the pages
that have real text untouched.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from coder.errors import CoderError

INSTALL_HINT = "install it with `apt-get install ocrmypdf tesseract-ocr-nld` or `pip install ocrmypdf`"


def ocr_available() -> bool:
    return shutil.which("ocrmypdf") is not None


def ocr_command(path: Path, out: Path, pages: Iterable[int], language: str = "nld") -> list[str]:
    """The ocrmypdf call that reads ``pages`` (1-based) of ``path`` into ``out``."""
    listed = ",".join(str(p) for p in sorted(set(pages)))
    return [
        "ocrmypdf",
        "--force-ocr",
        "--pages",
        listed,
        "-l",
        language,
        "--output-type",
        "pdf",
        str(path),
        str(out),
    ]


def ocr_pdf(path: str | Path, pages: Iterable[int], language: str = "nld") -> Path:
    """A copy of ``path`` with a text layer on the given pages (those without words)."""
    path = Path(path)
    if not ocr_available():
        raise CoderError(f"{path}: OCR needs ocrmypdf, which is not installed; {INSTALL_HINT}",
                         params=("ocr",))
    out = Path(tempfile.mkdtemp(prefix="coder-ocr-")) / path.name
    done = subprocess.run(
        ocr_command(path, out, pages, language), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise CoderError(f"{path}: OCR failed ({last})")
    return out
