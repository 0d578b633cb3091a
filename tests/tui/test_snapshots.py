"""Snapshots of the main screens (review the SVGs before updating them)."""

from __future__ import annotations

from coder.tui.app import CoderApp


def test_coding_screen(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(150, 45), press=["2"])


def test_help_screen(snap_compare, tui_db):
    assert snap_compare(CoderApp(tui_db, "anna"), terminal_size=(150, 45), press=["f1"])
