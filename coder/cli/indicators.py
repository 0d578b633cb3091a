"""``coder indicators``: client-experience figures per survey, pooled by respondents."""

from __future__ import annotations

import click

from coder.cli.base import cli, db_option, echo_json, open_project
from coder.ingest.indicator_names import KNOWN

INDICATORS_HELP = f"""Pooled client-experience indicators: sum(value × n) / sum(n), overall and per
team type.

Without a subcommand, prints the pooled table. Known indicators: {", ".join(KNOWN)}.
"""


# The help is built from KNOWN, so it is passed explicitly: a docstring cannot be an f-string.
@cli.group(invoke_without_command=True, help=INDICATORS_HELP)
@db_option
@click.option("--json", "json_out", is_flag=True, help="Print the pooled figures as JSON.")
@click.pass_context
def indicators(ctx: click.Context, json_out: bool) -> None:
    if ctx.invoked_subcommand:
        return
    from rich.console import Console
    from rich.table import Table

    from coder.ingest.indicators import as_json

    pooled = open_project().indicators()
    if json_out:
        echo_json(as_json(pooled))
        return
    table = Table("indicator", "team type", "pooled", "n", "surveys", box=None)
    for p in pooled:
        unit = KNOWN.get(p.indicator, ("", "%"))[1]
        shown = f"{p.pooled:.1f}" if unit == "mark" else f"{p.pooled:.0f}%"
        table.add_row(p.indicator, p.team_type or "all", shown, f"{p.n:,}", str(p.surveys))
    Console().print(table if pooled else "no indicators yet: `coder indicators add` or `import`")


@indicators.command("add")
@db_option
@click.argument("doc")
@click.option("--indicator", required=True, help="Indicator key, e.g. rapportcijfer, tijdigheid.")
@click.option("--value", type=float, required=True, help="Percentage (0-100), or a mark for rapportcijfer.")
@click.option("--n", "n", type=int, required=True, help="Number of respondents.")
def indicators_add(doc: str, indicator: str, value: float, n: int) -> None:
    """Record one survey figure for document DOC (replaces an earlier value)."""
    open_project().add_indicator(doc, indicator, value, n)
    click.echo(f"{indicator} = {value} (n={n}) for document {doc}")


@indicators.command("import")
@db_option
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
def indicators_import(path: str) -> None:
    """Import a CSV with columns file (or doc), indicator, value, n — all rows or none."""
    count = open_project().import_indicators(path)
    click.echo(f"{path}: {count} indicator values imported")
