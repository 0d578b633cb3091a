"""``coder tui``: the coding screen in the terminal."""

from __future__ import annotations

import click

from coder.cli.base import cli, db_option, db_path, open_project, two_coders


@cli.command()
@db_option
@click.option("--coder", "coder_name", default=None, envvar="CODER_NAME",
              help="Your coder name (asked at start when absent).")
@click.option("--agree", "compare", help="Open the agreement and adjudication screens for A,B.")
@click.option("--round", "round_name", help="With --agree: only this round's quotes.")
@click.option("--by", "by", default=None, help="With --agree: who looks (someone outside an open round).")
def tui(coder_name: str | None, compare: str | None, round_name: str | None, by: str | None) -> None:
    """Open the coding TUI: read documents, code quotes, undo, search (F1 for keys).

    With --agree A,B: the agreement screen (per-goal table, coefficients per facet and
    code, disagreeing quotes) and, with j, the adjudication queue.
    """
    project = open_project()  # create/upgrade the project and fail with a clear error before the UI starts
    pair, quotes, result = None, None, None
    if compare:
        pair = two_coders(compare)
        quotes = project.round_quotes(round_name)
        # errors fail here, on one line
        result = project.agreement(*pair, round=round_name, require_locked=False, by=by or coder_name)
    else:
        project.init()  # a fresh project gets the codebook, as `coder import` does
    from coder.tui.app import run_app  # Textual is only loaded here, never by the core

    run_app(db_path(), coder_name, pair, quotes, result)
