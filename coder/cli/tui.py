"""``coder tui``: the coding screen in the terminal."""

from __future__ import annotations

import click

from coder.cli.base import cli, db_option, db_path, open_db


@cli.command()
@db_option
@click.option("--coder", "coder_name", default=None, envvar="CODER_NAME",
              help="Your coder name (asked at start when absent).")
@click.option("--agree", "compare", help="Open the agreement and adjudication screens for A,B.")
@click.option("--round", "round_name", help="With --agree: only this round's quotes.")
def tui(coder_name: str | None, compare: str | None, round_name: str | None) -> None:
    """Open the coding TUI: read documents, code quotes, undo, search (F1 for keys).

    With --agree A,B: the agreement screen (per-goal table, coefficients per facet and
    code, disagreeing quotes) and, with j, the adjudication queue.
    """
    db = open_db()  # create/upgrade the project and fail with a clear error before the UI starts
    if not compare:
        from coder.store.project import init_project

        init_project(db, None, quiet=True)  # a fresh project gets the codebook, as `coder import` does
    pair, quotes, result = None, None, None
    if compare:
        from coder.cli.base import two_coders
        from coder.cli.rounds import round_scope
        from coder.reliability.blind import blind_for
        from coder.reliability.compare import project_agreement

        pair = two_coders(compare)
        quotes = round_scope(db, round_name, must_be_locked=False)
        blind_for(db, coder_name).check_compare(list(pair), quotes)
        result = project_agreement(db, *pair, quotes=quotes)  # errors fail here, on one line
    from coder.tui.app import run_app  # Textual is only loaded here, never by the core

    run_app(db_path(), coder_name, pair, quotes, result)
