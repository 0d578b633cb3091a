"""Coding quotes through the core API: facet rules, validation, events, undo/redo."""

from __future__ import annotations

import pytest

from coder.coding.assign import code_quote, current_codings, parse_assignment, set_memo
from coder.coding.coders import ensure_coder
from coder.coding.events import redo, stacks, undo
from coder.errors import InputError
from coder.quotes.store import add_manual_quote, adjust_quote, delete_manual_quote, list_quotes
from coder.store.db import connect


def codes_of(db, quote_id, coder):
    return sorted(row["code"] for row in current_codings(db, quote_id, coder))


@pytest.fixture
def anna(project):
    return ensure_coder(project, "anna")[0]


@pytest.fixture
def quote_id(project):
    return list_quotes(project)[0]["id"]


def apply(db, quote_id, coder, *texts, memo=None):
    return code_quote(db, quote_id, coder, [parse_assignment(t) for t in texts], memo=memo)


def test_parse_assignment_forms():
    assert parse_assignment("drie_vs+=vertrouwen").op == "+="
    assert parse_assignment("drie_vs=a,b").codes == ("a", "b")
    assert parse_assignment("valentie=").codes == ()
    with pytest.raises(InputError):
        parse_assignment("no-operator")


def test_single_facet_replaces_previous_value(project, anna, quote_id):
    apply(project, quote_id, anna, "valentie=positief")
    apply(project, quote_id, anna, "valentie=negatief")
    assert codes_of(project, quote_id, anna) == ["negatief"]


def test_multi_facet_adds_and_removes(project, anna, quote_id):
    apply(project, quote_id, anna, "drie_vs+=vertrouwen", "drie_vs+=verbinding")
    apply(project, quote_id, anna, "drie_vs-=verbinding")
    assert codes_of(project, quote_id, anna) == ["vertrouwen"]
    apply(project, quote_id, anna, "drie_vs=verbinding,verantwoordelijkheid")
    assert codes_of(project, quote_id, anna) == ["verantwoordelijkheid", "verbinding"]


@pytest.mark.parametrize("text, message", [
    ("kleur=rood", "unknown facet"),
    ("valentie=geweldig", "unknown code"),
    ("valentie=vertrouwen", "belongs to facet 'drie_vs'"),
    ("valentie=positief,negatief", "takes one code"),
])
def test_bad_assignments_are_rejected_and_change_nothing(project, anna, quote_id, text, message):
    with pytest.raises(InputError, match=message):
        apply(project, quote_id, anna, "drie_vs+=vertrouwen", text)
    assert codes_of(project, quote_id, anna) == []
    assert project.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_unknown_quote_is_an_input_error(project, anna):
    with pytest.raises(InputError, match="unknown quote 999"):
        apply(project, 999, anna, "valentie=positief")


def test_no_change_writes_no_event(project, anna, quote_id):
    apply(project, quote_id, anna, "valentie=positief")
    assert not apply(project, quote_id, anna, "valentie=positief").changed
    assert project.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 1


def test_codings_of_coders_are_kept_apart(project, anna, quote_id):
    bram = ensure_coder(project, "bram")[0]
    apply(project, quote_id, anna, "valentie=positief")
    apply(project, quote_id, bram, "valentie=negatief")
    assert codes_of(project, quote_id, anna) == ["positief"]
    assert codes_of(project, quote_id, bram) == ["negatief"]


def test_memo_on_new_and_existing_codings(project, anna, quote_id):
    apply(project, quote_id, anna, "valentie=positief", memo="duidelijk")
    assert current_codings(project, quote_id, anna)[0]["memo"] == "duidelijk"
    set_memo(project, quote_id, anna, "positief", "toch twijfel")
    assert current_codings(project, quote_id, anna)[0]["memo"] == "toch twijfel"
    undo(project, anna)
    assert current_codings(project, quote_id, anna)[0]["memo"] == "duidelijk"


def test_undo_and_redo_replay_the_log(project, anna, quote_id):
    apply(project, quote_id, anna, "valentie=positief")
    apply(project, quote_id, anna, "valentie=negatief")
    assert undo(project, anna).action == "coding.change"
    assert codes_of(project, quote_id, anna) == ["positief"]
    undo(project, anna)
    assert codes_of(project, quote_id, anna) == []
    assert undo(project, anna) is None
    redo(project, anna)
    redo(project, anna)
    assert codes_of(project, quote_id, anna) == ["negatief"]
    assert redo(project, anna) is None


def test_new_action_clears_redo(project, anna, quote_id):
    apply(project, quote_id, anna, "valentie=positief")
    undo(project, anna)
    apply(project, quote_id, anna, "drie_vs+=vertrouwen")
    assert redo(project, anna) is None


def test_undo_survives_a_restart(project, db_path, anna, quote_id):
    apply(project, quote_id, anna, "valentie=positief")
    project.close()
    reopened = connect(db_path)
    undo(reopened, anna)
    assert codes_of(reopened, quote_id, anna) == []


def test_undo_is_per_coder(project, anna, quote_id):
    bram = ensure_coder(project, "bram")[0]
    apply(project, quote_id, anna, "valentie=positief")
    apply(project, quote_id, bram, "valentie=negatief")
    undo(project, anna)
    assert codes_of(project, quote_id, bram) == ["negatief"]
    assert stacks(project, bram)[0]


def test_manual_quote_lifecycle_with_undo(project, anna):
    doc_id = list_quotes(project)[0]["doc_id"]
    qid = add_manual_quote(project, doc_id, 0, 11, anna)
    assert list_quotes(project, visible_to=anna)[0]["text"] == "Jaarverslag"
    bram = ensure_coder(project, "bram")[0]
    assert all(q["id"] != qid for q in list_quotes(project, visible_to=bram))
    adjust_quote(project, qid, 0, 19, anna)
    apply(project, qid, anna, "valentie=positief")
    delete_manual_quote(project, qid, anna)
    assert all(q["id"] != qid for q in list_quotes(project))
    undo(project, anna)  # the delete
    assert codes_of(project, qid, anna) == ["positief"]
    undo(project, anna)  # the coding
    undo(project, anna)  # the adjust
    assert next(q for q in list_quotes(project) if q["id"] == qid)["text"] == "Jaarverslag"


def test_detected_quotes_cannot_be_deleted(project, anna, quote_id):
    with pytest.raises(InputError, match="detected"):
        delete_manual_quote(project, quote_id, anna)


def test_manual_quote_bounds_are_checked(project, anna):
    doc_id = list_quotes(project)[0]["doc_id"]
    with pytest.raises(InputError, match="outside"):
        add_manual_quote(project, doc_id, 5, 10_000, anna)
