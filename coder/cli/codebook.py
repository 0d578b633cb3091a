"""``coder codebook``: check, show and load the codebook."""

from __future__ import annotations

import sys
from dataclasses import asdict

import click
from rich.console import Console
from rich.table import Table

from coder.cli.base import cli, db_option, echo_json, open_db


@cli.group()
def codebook() -> None:
    """Check, show and load the codebook (facets and their codes)."""


@codebook.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False))
def check(path: str | None) -> None:
    """Validate a codebook file; each problem is printed as FILE:LINE: reason (exit 2)."""
    from coder.codebook import check_codebook, load_codebook
    from coder.store.project import default_codebook_path

    target = path or str(default_codebook_path())
    problems = check_codebook(target)
    for problem in problems:
        click.echo(str(problem), err=True)
    if any(p.level == "error" for p in problems):
        sys.exit(2)
    book = load_codebook(target)
    click.echo(f"{target}: OK ({len(book.facets)} facets, {len(book.all_codes())} codes)")


@codebook.command()
@db_option
@click.option("--file", "file_path", type=click.Path(dir_okay=False, exists=True),
              help="Show this YAML file instead of the project's codebook.")
@click.option("--facet", default=None, help="Only this facet.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of facets with codes).")
def show(file_path: str | None, facet: str | None, as_json: bool) -> None:
    """Show the codebook of the project (or of --file)."""
    book = _book(file_path)
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


def _book(file_path: str | None) -> Codebook:
    from coder.codebook import Codebook, codebook_from_db, load_codebook
    from coder.store.project import default_codebook_path, has_codebook

    if file_path:
        return load_codebook(file_path)
    db = open_db()
    return codebook_from_db(db) if has_codebook(db) else load_codebook(default_codebook_path())


@codebook.command()
@db_option
@click.argument("path", required=False, type=click.Path(dir_okay=False, exists=True))
@click.option("--merge-into", default=None, help="Move codings of dropped codes to this code.")
@click.option("--force", is_flag=True, help="Delete codings of dropped codes.")
@click.option("--dry-run", is_flag=True, help="Report what would change; change nothing.")
def load(path: str | None, merge_into: str | None, force: bool, dry_run: bool) -> None:
    """Load a (changed) codebook into the project, keeping codings of kept and renamed codes."""
    from coder.codebook import load_codebook, sync_codebook
    from coder.store.project import default_codebook_path

    report = sync_codebook(open_db(), load_codebook(path or default_codebook_path()),
                           merge_into=merge_into, force=force, dry_run=dry_run)
    click.echo(str(report))
