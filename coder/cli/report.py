"""``coder report``: the study's tables and figures as one self-contained HTML file."""

from __future__ import annotations

import click

from coder.cli.base import by_option, cli, db_option, open_project
from coder.cli.export import force_option, label_options


@cli.command()
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="report.html", show_default=True)
@click.option("--coder", "coder_name", default=None,
              help="Whose codings (default: consensus, or the only coder).")
@click.option("--consensus", is_flag=True, help="Use the consensus layer.")
@by_option
@label_options
@force_option
def report(output: str, coder_name: str | None, consensus: bool, by: str | None, keys: bool,
           lang: str | None, force: bool) -> None:
    """Write the analysis report: corpus, goals (positive/negative), active elements,
    obstacles, the three V's, client-experience indicators and agreement.

    Renders for any project: sections without data say what is missing.
    """
    done = open_project().report(output, coder=coder_name, consensus=consensus, by=by, keys=keys, lang=lang,
                                 force=force)
    shown = f"codings of {done.layer}" if done.layer else "no codings shown"
    click.echo(f"{output}: report written ({done.count} KB, {shown})")
