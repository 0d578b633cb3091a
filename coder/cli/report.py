"""``coder report``: the study's tables and figures as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from coder.cli.base import cli, db_option, open_db
from coder.cli.export import label_options


@cli.command()
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="report.html", show_default=True)
@click.option("--coder", "coder_name", default=None, help="Whose codings (default: consensus, or the only coder).")
@click.option("--consensus", is_flag=True, help="Use the consensus layer.")
@label_options
def report(output: str, coder_name: str | None, consensus: bool, keys: bool, lang: str | None) -> None:
    """Write the analysis report: corpus, goals (positive/negative), active elements,
    obstacles, the three V's, client-experience indicators and agreement.

    Renders for any project: sections without data say what is missing.
    """
    from coder.export.labels import project_labels
    from coder.report.build import build_report

    db = open_db()
    html, layer = build_report(db, project_labels(db, lang, keys=keys), coder_name, consensus=consensus)
    Path(output).write_text(html, encoding="utf-8")
    shown = f"codings of {layer.name}" if layer else "no codings shown"
    click.echo(f"{output}: report written ({len(html) // 1024} KB, {shown})")
