"""``coder layout``: draw how a page was read (blocks, order, kinds, removed furniture)."""

from __future__ import annotations

from pathlib import Path

import click

from coder.cli.base import cli, db_option, open_project


@cli.command()
@db_option
@click.argument("doc")
@click.option("--page", type=click.IntRange(min=1), required=True, help="Page of the PDF (1-based).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="PNG file to write.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
def layout(doc: str, page: int, output: str, password: str | None) -> None:
    """Draw a page with its blocks numbered in reading order, their kinds and the running
    headers/footers that were removed (DOC: a PDF file, or a document of the project)."""
    if Path(doc).is_file():
        from coder.api import draw_layout

        view = draw_layout(doc, page, output, password=password)
    else:
        view = open_project().draw_layout(doc, page, output, password=password)
    label = f" (printed {view.label})" if view.label else ""
    click.echo(f"{output}: page {page}{label}, {len(view.blocks)} blocks, "
               f"{len(view.removed)} furniture lines removed")
    for n, kind, _box, words in view.blocks:
        click.echo(f"{n:3d} {kind:<11} {words}")
