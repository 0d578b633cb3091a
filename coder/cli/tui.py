"""``coder tui``: the coding screen in the terminal."""

from __future__ import annotations

import click

from coder.cli.base import cli, db_option, db_path, open_db


@cli.command()
@db_option
@click.option("--coder", "coder_name", default=None, envvar="CODER_NAME",
              help="Your coder name (asked at start when absent).")
def tui(coder_name: str | None) -> None:
    """Open the coding TUI: read documents, code quotes, undo, search (F1 for keys)."""
    open_db()  # create/upgrade the project and fail with a clear error before the UI starts
    from coder.tui.app import run_app  # Textual is only loaded here, never by the core

    run_app(db_path(), coder_name)
