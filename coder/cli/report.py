"""``coder report``: the study's tables and figures as one self-contained HTML file."""

from __future__ import annotations

import click

from coder.cli.base import cli, db_option, open_project


@cli.command()
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="report.html", show_default=True)
@click.option("--coder", "coder_name", default=None, help="Whose codings (default: consensus, or the only coder).")
@click.option("--consensus", is_flag=True, help="Use the consensus layer.")
def report(output: str, coder_name: str | None, consensus: bool) -> None:
    """Write the analysis report: corpus, goals (positive/negative), active elements,
    obstacles, the three V's, client-experience indicators and agreement."""
    done = open_project().report(output, coder=coder_name, consensus=consensus)
    click.echo(f"{output}: report written ({done.count} KB, codings of {done.layer})")
