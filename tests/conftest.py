"""Shared fixtures: small projects built directly through the core API."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from coder.coding.events import now
from coder.store.db import connect, write

FACETS = [
    ("transformatiedoel", "Transformatiedoel", "single",
     ["preventie_eigen_kracht", "normaliseren", "eerder_juiste_hulp"]),
    ("valentie", "Valentie", "single", ["positief", "negatief", "gemengd_neutraal"]),
    ("drie_vs", "Drie V's", "multi", ["verbinding", "vertrouwen", "verantwoordelijkheid"]),
]

TEXT = (
    "Jaarverslag Wijkteam Dalem 2021\n\n"
    "Een inwoner zegt: „Het wijkteam nam me serieus en dacht met me mee.”\n\n"
    "De wachtlijsten bleven lang. „We moesten maanden wachten op hulp,” aldus een moeder.\n"
)


def add_small_codebook(db: sqlite_utils.Database) -> None:
    with write(db):
        for position, (key, label, mode, codes) in enumerate(FACETS):
            db["facets"].insert({"key": key, "label": label, "mode": mode, "position": position})
            for i, code in enumerate(codes):
                db["codes"].insert({"key": code, "facet": key, "label": code.replace("_", " "),
                                    "position": i, "keywords": ["x"]})


def add_text_document(db: sqlite_utils.Database, text: str = TEXT, title: str = "Dalem 2021") -> int:
    """A document stored without a PDF (one page), with its quote-mark quotes."""
    from coder.quotes.detect import detect_quotes
    from coder.quotes.store import PageIndex, insert_detected

    with write(db):
        doc_id = db["documents"].insert({
            "path": f"/tmp/{title}.pdf", "filename": f"{title}.pdf", "sha256": title.ljust(64, "0"),
            "title": title, "pages": 1, "chars": len(text), "imported_at": now(), "year": 2021,
            "doc_type": "jaarverslag", "team_type": "integraal"}).last_pk
        db["document_texts"].insert({"doc_id": doc_id, "text": text})
        db["pages"].insert({"doc_id": doc_id, "page": 1, "start": 0, "end": len(text)})
        insert_detected(db, doc_id, detect_quotes(text), PageIndex([(1, 0, len(text))]))
    return doc_id


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.db"


@pytest.fixture
def project(db_path: Path) -> sqlite_utils.Database:
    """A project with the small codebook and one document with two detected quotes."""
    db = connect(db_path)
    add_small_codebook(db)
    add_text_document(db)
    return db


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A simple one-column PDF, one string per page (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for body in pages:
        y = 780
        for line in body.splitlines():
            pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


def make_half_scanned_pdf(path: Path, text: str) -> Path:
    """Page 1 with ``text``, page 2 an image only (a scanned page without a text layer)."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    image = path.with_suffix(".png")
    Image.new("RGB", (200, 200), "white").save(image)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawString(60, 760, text)
    pdf.showPage()
    pdf.drawImage(str(image), 60, 400, 200, 200)
    pdf.save()
    return path
