"""Dismissing a candidate as "not a quote": a coder's own, undoable judgement (issue 16)."""

from __future__ import annotations

import pytest

from coder.coding.assign import Assignment, code_quote
from coder.coding.coders import ensure_coder
from coder.coding.events import undo
from coder.errors import InputError
from coder.ingest.documents import list_documents
from coder.quotes.dismiss import dismiss_quote, excluded_from_samples
from coder.quotes.store import list_quotes
from coder.reliability.compare import project_agreement, ratings_rows
from coder.reliability.rounds import (
    create_round,
    lock_round,
    round_progress,
    round_quote_ids,
)
from tests.conftest import add_text_document

MORE = "".join(f"Een ouder zegt: „Dit is citaat nummer {i} over het wijkteam in de wijk.”\n\n"
               for i in range(6))


@pytest.fixture
def two(project):
    anna, _ = ensure_coder(project, "anna")
    ben, _ = ensure_coder(project, "ben")
    return project, anna, ben


def ids(db, coder):
    return [q["id"] for q in list_quotes(db, visible_to=coder)]


def test_dismiss_hides_the_quote_from_that_coder_only_and_undo_brings_it_back(two):
    db, anna, ben = two
    first, second = ids(db, anna)
    code_quote(db, first, anna, [Assignment("valentie", "=", ("positief",))])
    dismiss_quote(db, first, anna, "heading")
    assert ids(db, anna) == [second] and ids(db, ben) == [first, second]
    assert db.execute("SELECT COUNT(*) FROM codings WHERE coder_id = ?", [anna.id]).fetchone()[0] == 0
    assert list_documents(db, coder=anna)[0]["quotes"] == 1
    assert list_documents(db, coder=ben)[0]["quotes"] == 2
    with pytest.raises(InputError, match="dismissed"):
        code_quote(db, first, anna, [Assignment("valentie", "=", ("negatief",))])
    undone = undo(db, anna)
    assert undone is not None and undone.action == "quote.dismiss"
    assert ids(db, anna) == [first, second]
    codes = [c["code"] for c in db.query("SELECT code FROM codings WHERE coder_id = ?", [anna.id])]
    assert codes == ["positief"]


def test_agreement_counts_not_a_quote_as_a_category(two):
    db, anna, ben = two
    first, second = ids(db, anna)
    for coder in (anna, ben):
        code_quote(db, second, coder, [Assignment("valentie", "=", ("positief",))])
    dismiss_quote(db, first, anna)
    code_quote(db, first, ben, [Assignment("valentie", "=", ("negatief",))])
    result = project_agreement(db, anna, ben, facet="valentie")
    assert result["units"] == 2
    assert {(d["quote"], tuple(d["a"]), tuple(d["b"])) for d in result["disagreements"]} == {
        (first, ("not a quote",), ("negatief",))}
    rows = ratings_rows(db, [anna, ben], "valentie")
    assert (str(first), "anna", "not a quote") in rows
    dismiss_quote(db, first, ben)  # ben's codings go, both now say "not a quote": agreement
    assert project_agreement(db, anna, ben, facet="valentie")["disagreements"] == []


def test_rounds_leave_out_quotes_everyone_dismissed_and_locked_rounds_never_change(two):
    db, anna, ben = two
    add_text_document(db, MORE, title="Meer")
    all_ids = [q["id"] for q in list_quotes(db)]
    locked = create_round(db, "vast")
    heading, disputed = all_ids[0], all_ids[1]
    dismiss_quote(db, heading, anna)
    dismiss_quote(db, heading, ben)
    dismiss_quote(db, disputed, anna)
    code_quote(db, disputed, ben, [Assignment("valentie", "=", ("positief",))])
    lock_round(db, "vast")
    assert excluded_from_samples(db) == {heading}
    assert round_quote_ids(db, locked.name) == all_ids
    with pytest.raises(InputError, match="locked round 'vast': ben's codes on it are frozen"):
        dismiss_quote(db, all_ids[2], ben)  # a round without named coders freezes every coder
    fresh = create_round(db, "nieuw", sample=len(all_ids), seed=3)
    assert heading not in round_quote_ids(db, fresh.name) and disputed in round_quote_ids(db, fresh.name)
    assert round_progress(db, "vast")["dismissed"] == {"anna": 2, "ben": 1}


def test_a_project_from_before_dismissals_opens_and_can_dismiss(tmp_path):
    import sqlite_utils

    from coder.store.db import connect
    from coder.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    for version in sorted(v for v in MIGRATIONS if v < 8):
        MIGRATIONS[version](old)
    old.execute(f"PRAGMA user_version = {max(v for v in MIGRATIONS if v < 8)}")
    old.conn.commit()
    old.close()
    db = connect(path)
    add_text_document(db)
    anna, _ = ensure_coder(db, "anna")
    first = list_quotes(db)[0]
    assert first["end_page"] == 1
    dismiss_quote(db, first["id"], anna)
    assert [q["id"] for q in list_quotes(db, visible_to=anna)] == [list_quotes(db)[1]["id"]]
