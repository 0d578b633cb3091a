"""Optional OCR for scanned PDFs, through ocrmypdf (which adds a text layer).

OCR is slow and needs external programs (ocrmypdf, tesseract with the Dutch model), so
it only runs when asked for (``coder import --ocr``) and when the tools are there; the
OCR'd copy goes next to the project in a cache folder, the original is never changed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from coder.errors import CoderError

INSTALL_HINT = "install it with `apt-get install ocrmypdf tesseract-ocr-nld` or `pip install ocrmypdf`"


def ocr_available() -> bool:
    return shutil.which("ocrmypdf") is not None


def ocr_pdf(path: str | Path, language: str = "nld") -> Path:
    """A copy of ``path`` with a text layer on its image-only pages."""
    path = Path(path)
    if not ocr_available():
        raise CoderError(f"{path}: --ocr needs ocrmypdf, which is not installed; {INSTALL_HINT}")
    out = Path(tempfile.mkdtemp(prefix="coder-ocr-")) / path.name
    done = subprocess.run(["ocrmypdf", "--skip-text", "-l", language, str(path), str(out)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise CoderError(f"{path}: OCR failed ({last})")
    return out
