"""``coder indicators``: client-experience figures per survey, pooled by respondents."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from coder.cli.base import cli, db_option, echo_json, open_db
from coder.ingest.indicator_names import KNOWN


@cli.group(invoke_without_command=True)
@db_option
@click.option("--json", "json_out", is_flag=True, help="Print the pooled figures as JSON.")
@click.pass_context
def indicators(ctx: click.Context, json_out: bool) -> None:
    """Pooled client-experience indicators: sum(value × n) / sum(n), overall and per team type.

    Without a subcommand, prints the pooled table. Known indicators: """ + ", ".join(KNOWN) + """.
    """
    from coder.ingest.indicators import as_json, pooled_indicators

    if ctx.invoked_subcommand:
        return
    pooled = pooled_indicators(open_db())
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
    from coder.ingest.documents import resolve_document
    from coder.ingest.indicators import add_indicator

    db = open_db()
    add_indicator(db, resolve_document(db, doc), indicator, value, n)
    click.echo(f"{indicator} = {value} (n={n}) for document {doc}")


@indicators.command("import")
@db_option
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
def indicators_import(path: str) -> None:
    """Import a CSV with columns file (or doc), indicator, value, n — all rows or none."""
    from coder.ingest.indicators import import_indicators

    count = import_indicators(open_db(), path)
    click.echo(f"{path}: {count} indicator values imported")
