"""Snapshots of the main screens (review the SVGs before updating them)."""

from __future__ import annotations

import pytest

from coder.quotes.nlp import pipeline
from coder.tui.app import CoderApp


@pytest.fixture(autouse=True)
def spacy_loaded():
    """Snapshots show the steady state, with suggestions: load spaCy first.

    Without this, whether an earlier test in the same process loaded spaCy decided
    whether suggestions were on screen, and the snapshots flickered under xdist.
    """
    pipeline()


def test_coding_screen(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(150, 45), press=["2"])


def test_help_screen(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(150, 45), press=["f1"])


def test_code_picker(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(150, 45), press=["m", "v", "e", "r"])


def test_coding_screen_in_an_80_column_terminal(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(80, 24), press=["n"])


def test_agreement_screen(snap_compare, tui_db):
    from tests.tui.test_agreement_screens import two_coders

    two_coders(tui_db)
    assert snap_compare(CoderApp(tui_db, compare=("anna", "bram")), terminal_size=(150, 45))


def test_adjudication_screen(snap_compare, tui_db):
    from tests.tui.test_agreement_screens import two_coders

    two_coders(tui_db)
    assert snap_compare(CoderApp(tui_db, compare=("anna", "bram")), terminal_size=(150, 45), press=["j"])


# Every screen of the coding flow in the smallest terminal it must work in (issue 17).

def test_help_screen_in_80x24(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(80, 24), press=["f1"])


def test_code_picker_in_80x24(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(80, 24), press=["m", *"netwerk"])


def test_search_in_80x24(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(80, 24), press=["slash", *"hulp"])


def test_filter_in_80x24(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(80, 24), press=["f"])


def test_documents_in_80x24(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(80, 24), press=["d"])
