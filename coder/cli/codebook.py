"""``coder codebook``: check, show and load the codebook."""

from __future__ import annotations

import sys
from dataclasses import asdict

import click

from coder.cli.base import cli, db_option, echo_json, open_project


@cli.group()
def codebook() -> None:
    """Check, show and load the codebook (facets and their codes)."""


@codebook.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False))
def check(path: str | None) -> None:
    """Validate a codebook file; each problem is printed as FILE:LINE: reason (exit 2)."""
    from coder.api import check_codebook

    result = check_codebook(path)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if not result.ok:
        sys.exit(2)
    click.echo(f"{result.path}: OK ({result.facets} facets, {result.codes} codes)")


@codebook.command()
@db_option
@click.option("--file", "file_path", type=click.Path(dir_okay=False, exists=True),
              help="Show this YAML file instead of the project's codebook.")
@click.option("--facet", default=None, help="Only this facet.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of facets with codes).")
def show(file_path: str | None, facet: str | None, as_json: bool) -> None:
    """Show the codebook of the project (or of --file)."""
    from rich.console import Console
    from rich.table import Table

    from coder.api import read_codebook

    book = read_codebook(file_path) if file_path else open_project().codebook()
    facets = [f for f in book.facets if facet in (None, f.key)]
    if as_json:
        echo_json([asdict(f) for f in facets])
        return
    console = Console()
    for f in facets:
        table = Table("key", "label", "keywords", title=f"{f.label} ({f.key}, {f.mode})",
                      title_justify="left", box=None)
        for code in f.codes:
            table.add_row(code.key, code.label, ", ".join(code.keywords[:6]))
        console.print(table)


@codebook.command()
@db_option
@click.argument("path", required=False, type=click.Path(dir_okay=False, exists=True))
@click.option("--merge-into", default=None, help="Move codings of dropped codes to this code.")
@click.option("--force", is_flag=True, help="Delete codings of dropped codes.")
@click.option("--dry-run", is_flag=True, help="Report what would change; change nothing.")
def load(path: str | None, merge_into: str | None, force: bool, dry_run: bool) -> None:
    """Load a (changed) codebook into the project, keeping codings of kept and renamed codes."""
    report = open_project().load_codebook(path, merge_into=merge_into, force=force, dry_run=dry_run)
    click.echo(str(report))
