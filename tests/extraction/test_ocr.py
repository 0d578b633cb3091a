"""OCR reads every page without words, and afterwards no warning asks for OCR again."""

from __future__ import annotations

from pathlib import Path

import pytest

from coder.extraction.ocr import ocr_available, ocr_command

SCAN = Path("/work/shared/real/pdf/nl_vws_nota_SCANNED_image_only.pdf")


def test_ocr_forces_exactly_the_pages_without_words():
    cmd = ocr_command(Path("in.pdf"), Path("out.pdf"), [3, 2, 3])
    assert "--force-ocr" in cmd and "--skip-text" not in cmd
    assert cmd[cmd.index("--pages") + 1] == "2,3"


@pytest.mark.skipif(
    not ocr_available(), reason="ocrmypdf is not installed (apt-get install ocrmypdf tesseract-ocr-nld)"
)
@pytest.mark.skipif(not SCAN.exists(), reason="the real scanned memo is not on this machine")
def test_import_with_ocr_reads_all_three_pages_of_a_scan(tmp_path):
    from coder.ingest.documents import import_pdf
    from coder.store.db import connect

    db = connect(tmp_path / "p.db")
    result = import_pdf(db, SCAN, ocr=True, jobs=1)
    assert result.status == "imported", result.error
    spans = list(
        db.query(
            'SELECT page, "end" - start AS chars FROM pages WHERE doc_id = ? ORDER BY page', [result.doc_id]
        )
    )
    assert [s["page"] for s in spans] == [1, 2, 3]
    assert all(s["chars"] > 50 for s in spans), spans
    assert not any("run OCR" in w for w in result.warnings), result.warnings
    text = db.execute("SELECT text FROM document_texts WHERE doc_id = ?", [result.doc_id]).fetchone()[0]
    assert "Volksgezondheid" in text
