"""``coder report``: the study's tables and figures as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from coder.cli.base import cli, db_option, db_path, open_db
from coder.coding.layers import resolve_layer
from coder.report.html import render


@cli.command()
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="report.html", show_default=True)
@click.option("--coder", "coder_name", default=None, help="Whose codings (default: consensus, or the only coder).")
@click.option("--consensus", is_flag=True, help="Use the consensus layer.")
def report(output: str, coder_name: str | None, consensus: bool) -> None:
    """Write the analysis report: corpus, goals (positive/negative), active elements,
    obstacles, the three V's, client-experience indicators and agreement."""
    from coder.export.output import check_output, write_output

    check_output(output, db_path())
    db = open_db()
    layer = resolve_layer(db, coder_name, consensus=consensus)
    from coder.report.agreement import agreement_sections  # optional section, may be empty

    html = render(db, layer.id, layer.name, extra_sections=agreement_sections(db))
    write_output(output, lambda p: p.write_text(html, encoding="utf-8"), db_path())
    click.echo(f"{output}: report written ({len(html) // 1024} KB, codings of {layer.name})")
