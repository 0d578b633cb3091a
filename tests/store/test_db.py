"""The project database: pragmas, migrations, append-only log, FTS and views."""

from __future__ import annotations

import sqlite3

import pytest

from coder.errors import CoderError
from coder.store.db import SchemaTooNew, connect, schema_version, write
from coder.store.migrations import SCHEMA_VERSION


def test_new_project_has_current_schema_and_safe_pragmas(db_path):
    db = connect(db_path)
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    for table in ("documents", "document_texts", "pages", "quotes", "facets", "codes", "coders",
                  "codings", "events", "quotes_fts", "settings"):
        assert db[table].exists(), table
    assert {"coded_quotes", "code_counts"} <= set(db.view_names())


def test_reopening_does_not_migrate_again(db_path):
    connect(db_path).close()
    assert schema_version(connect(db_path)) == SCHEMA_VERSION


def test_newer_schema_is_refused_with_a_clear_error(db_path):
    db = connect(db_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(SchemaTooNew, match="upgrade coder"):
        connect(db_path)


def test_a_file_that_is_not_sqlite_is_a_coder_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not a database" * 100)
    with pytest.raises(CoderError, match=r"notes.db"):
        connect(bogus).execute("SELECT * FROM documents")


def test_events_are_append_only(project):
    project.execute("INSERT INTO events (at, action) VALUES ('x', 'test')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        project.execute("DELETE FROM events")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        project.execute("UPDATE events SET action = 'y'")


def test_write_rolls_back_everything_on_error(project):
    before = project.execute("SELECT COUNT(*) FROM coders").fetchone()[0]
    with pytest.raises(RuntimeError), write(project):
        project.execute("INSERT INTO coders (name, created_at) VALUES ('a', 'now')")
        raise RuntimeError("boom")
    assert project.execute("SELECT COUNT(*) FROM coders").fetchone()[0] == before


def test_quote_text_is_searchable_with_fts(project):
    hits = project.execute(
        "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'wachten'").fetchall()
    assert len(hits) == 1


def test_foreign_keys_protect_codings(project):
    with pytest.raises(sqlite3.IntegrityError):
        project.execute("INSERT INTO codings (quote_id, coder_id, facet, code, created_at, updated_at)"
                        " VALUES (999, 999, 'valentie', 'positief', 'x', 'x')")


def test_a_version_3_project_keeps_its_blocks_and_gains_layout_kinds_and_page_labels(db_path):
    import sqlite_utils

    from coder.store.migrations import MIGRATIONS

    old = sqlite_utils.Database(db_path)
    for version in (1, 2, 3):
        MIGRATIONS[version](old)
    old.execute("PRAGMA user_version = 3")
    old["documents"].insert({"id": 1, "path": "a.pdf", "filename": "a.pdf", "sha256": "x" * 64,
                             "title": "a", "pages": 1, "chars": 10, "imported_at": "2026-01-01"})
    old["blocks"].insert({"doc_id": 1, "start": 0, "end": 10, "kind": "heading", "level": 1, "page": 1})
    old.conn.commit()
    old.close()
    db = connect(db_path)
    assert [r["kind"] for r in db["blocks"].rows] == ["heading"]
    db["blocks"].insert({"doc_id": 1, "start": 0, "end": 5, "kind": "pullquote", "page": 1})
    assert "label" in db["pages"].columns_dict


def test_migrations_are_numbered_without_gaps():
    """`migrate_db` runs the numbers it has in order; a gap would let a project skip a step
    once numbers were released, so the released list is always 1..N."""
    from coder.store.migrations import MIGRATIONS

    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))
    assert all(fn.__name__ == f"_v{n}" for n, fn in MIGRATIONS.items())
