"""Importing in a worker process: results as documents land, and a clean stop."""

from __future__ import annotations

import time

from coder.codebook import load_codebook, sync_codebook
from coder.ingest.inputs import collect_inputs
from coder.ingest.worker import import_pdfs_in_process
from coder.store.db import connect
from tests.conftest import make_pdf
from tests.tui.conftest import REPO


def project(tmp_path):
    path = tmp_path / "p.db"
    db = connect(path)
    sync_codebook(db, load_codebook(REPO / "codebook.yaml"))
    db.close()
    return path


def test_each_pdf_is_stored_by_the_worker_and_a_bad_one_is_named(tmp_path):
    folder = tmp_path / "pdfs"
    folder.mkdir()
    make_pdf(folder / "a.pdf", ["Verslag A.\nEen moeder zegt: „Het wijkteam hielp ons snel.”"])
    (folder / "b.pdf").write_bytes(b"not a pdf at all")
    path = project(tmp_path)
    seen = []
    results = list(import_pdfs_in_process(path, collect_inputs([folder]),
                                          on_file=lambda number, pdf: seen.append((number, pdf.name))))
    assert seen == [(1, "a.pdf"), (2, "b.pdf")]
    assert [r.status for r in results] == ["imported", "failed"]
    assert "b.pdf" in results[1].error
    db = connect(path)
    assert db.execute("SELECT filename, pages FROM documents").fetchall() == [("a.pdf", 1)]
    assert db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] >= 1


def test_stopping_mid_document_stores_nothing_half_and_returns_at_once(tmp_path):
    folder = tmp_path / "pdfs"
    folder.mkdir()
    body = "\n".join(f"Regel {i}: het wijkteam „helpt inwoners snel en dichtbij” zegt men."
                     for i in range(40))
    make_pdf(folder / "lang.pdf", [body] * 200)
    path = project(tmp_path)
    pages = []
    started = time.monotonic()
    results = list(import_pdfs_in_process(path, collect_inputs([folder]),
                                          on_file=lambda number, pdf: lambda done, total: pages.append(done),
                                          cancelled=lambda: bool(pages)))
    assert results == [] and pages and pages[-1] < 200
    assert time.monotonic() - started < 60
    db = connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 0
