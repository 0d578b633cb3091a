"""Project commands: init, import, docs, text, quotes, search."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from coder.cli.base import cli, db_option, db_path, echo_json, open_project, option_flags
from coder.errors import InputError

if TYPE_CHECKING:
    from rich.progress import Progress


@cli.command()
@db_option
@click.option("--codebook", "codebook_path", type=click.Path(dir_okay=False, exists=True),
              help="Codebook to load (default: ./codebook.yaml, else the bundled one).")
def init(codebook_path: str | None) -> None:
    """Create the project database and load the codebook into it."""
    from coder.api import check_codebook

    if codebook_path or not Path(db_path()).exists():  # a broken codebook creates no file
        result = check_codebook(codebook_path)
        for problem in result.problems:
            if problem.level == "error":
                click.echo(f"coder: error: {problem}", err=True)
        if not result.ok:
            sys.exit(2)
    report = open_project(create=True).init(codebook_path)
    click.echo(f"{db_path()}: project ready ({report})")


@cli.command("import")
@db_option
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--manifest", type=click.Path(dir_okay=False, exists=True),
              help="Metadata CSV (default: documents.csv beside the files, when present).")
@click.option("--force", is_flag=True, help="Re-extract files that were imported before.")
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for page extraction (default: number of cores).")
@click.option("--ocr", is_flag=True, help="Run ocrmypdf on PDFs without a text layer (when installed).")
@click.option("--offsets", type=click.Choice(["auto", "code-points", "utf-16"]), default="auto",
              show_default=True, help="How a .qdpx counts selection offsets (auto: UTF-16 units for "
              "NVivo, whose files count them so, code points as the standard says for the rest).")
def import_(paths: tuple[str, ...], manifest: str | None, force: bool, password: str | None,
            jobs: int | None, ocr: bool, offsets: str) -> None:
    """Import PDFs (files or folders), or .qdpx/.qdc/.codings files.

    A documents.csv manifest beside the PDFs (or --manifest) supplies title,
    organisation, municipality, year, doc_type, team_type, size_class and region.
    Files already imported (same sha256) are skipped. A bad file is reported on one
    line and the rest of the batch goes on; the exit code is 1 if any file failed.

    \b
    REFI-QDA files (.qdpx projects, .qdc codebooks from NVivo, ATLAS.ti, MAXQDA,
    Taguette...) merge into the project: its codebook stays, the file's trees
    are added beside it:
      - a top-level code with child codes becomes a facet; every code below it, at
        any depth, a code of that facet labelled with its path ("Risks / poison");
        the top-level code is also a code of its facet (codings on it land there);
      - a top-level code without children becomes a code of the facet "codes";
      - each user with codings becomes a coder; notes on codings become memos;
        variables named like document fields (title, year, ...) become metadata;
      - picture/audio/video sources, PDF region codings and sources missing from
        the zip are skipped with a line each; the summary counts every code and
        coding of the file.
    """
    project = open_project(create=True)
    command = click.get_current_context().command
    with _progress() as progress:
        overall = progress.add_task("documents", total=None)
        page_tasks: list[Any] = []

        def on_file(number: int, path: Any) -> Any:
            task = progress.add_task(f"  {path.name}", total=None)
            page_tasks.append(task)
            return lambda done, total: progress.update(task, completed=done, total=total)

        def on_result(result: Any) -> None:
            progress.remove_task(page_tasks.pop())
            progress.advance(overall)
            for line in result.lines(see=lambda params: option_flags(command, params)):
                progress.console.print(line, markup=False, highlight=False)

        batch = project.import_pdfs(paths, manifest=manifest, force=force, password=password, jobs=jobs,
                                    ocr=ocr, offsets=offsets, on_note=lambda line: progress.console.print(
                                        line, markup=False, highlight=False),
                                    on_plan=lambda n: progress.update(overall, total=n),
                                    on_file=on_file, on_result=on_result)
    summary = batch.summary()
    if summary:
        click.echo(summary, err=True)
    if batch.failures:
        sys.exit(1)


def _progress() -> Progress:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=Console(stderr=True, soft_wrap=True), transient=True)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def docs(as_json: bool) -> None:
    """List the imported documents."""
    from rich.console import Console
    from rich.table import Table

    documents = open_project().documents()
    if as_json:
        echo_json([asdict(d) for d in documents])
        return
    table = Table("id", "title", "type", "team", "year", "pages", "quotes", box=None)
    for d in documents:
        table.add_row(str(d.id), d.title or "", d.doc_type or "", d.team_type or "",
                      str(d.year or ""), str(d.pages), str(d.quotes))
    Console().print(table)


@cli.command()
@db_option
@click.argument("doc")
@click.option("--page", type=int, default=None, help="Only this page (1-based).")
def text(doc: str, page: int | None) -> None:
    """Print a document's normalised text (DOC: id, file name or sha256 prefix)."""
    click.echo(open_project().text(doc, page), nl=False)


@cli.command()
@db_option
@click.option("--doc", default=None, help="Only quotes of this document (id or file name).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--search", "query", default=None, help="Full-text search over quote text.")
@click.option("--dismissed", is_flag=True,
              help="List the candidates dismissed as not a quote, by whom and why.")
@click.option("--coder", "viewer", default=None, envvar="CODER_NAME",
              help="Who is looking: in an open round its coders see only their own codings. "
              "With --dismissed: only this coder's dismissals.")
@click.option("--by", "by", default=None, help="Someone outside the open rounds (sees all codings).")
def quotes(doc: str | None, as_json: bool, query: str | None, dismissed: bool, viewer: str | None,
           by: str | None) -> None:
    """List quotes (detected and manual), optionally of one document or matching a search.

    With a name (--coder NAME or --by NAME), the candidates that coder dismissed as not a
    quote are left out unless --dismissed (which lists them), as in that coder's TUI.

    While a round with named coders is open, its quotes show a coder (--coder NAME) only
    their own codings; without a name the round's coders' codings are held back there.
    """
    from rich.console import Console
    from rich.table import Table

    if dismissed:
        typed = click.get_current_context().get_parameter_source("viewer") != ParameterSource.ENVIRONMENT
        _print_dismissed(viewer if typed else None, as_json)
        return

    def held_back(n: int) -> None:
        click.echo(f"coder: {n} coding(s) of an open round's coders held back (blind coding)", err=True)

    def left_out(n: int) -> None:
        click.echo(f"coder: {n} candidate(s) {by or viewer} dismissed as not a quote left out "
                   "(--dismissed lists them)", err=True)

    project = open_project()
    found = project.quotes(doc, search=query, viewer=by or viewer, on_hidden=held_back,
                           on_dismissed=left_out)
    if as_json:
        echo_json([q.as_dict() for q in found])
        return
    coded = any(q.codings for q in found)  # the codes column only once something is coded
    label = project.labels().code if coded else str  # the codebook's words, as history prints
    table = Table("id", "doc", "page", "quote", "attribution", *(["codes"] if coded else []), box=None)
    for q in found:
        snippet = q.text.replace("\n", " ")
        codes = [_codes_cell(q.codings, label)] if coded else []
        table.add_row(str(q.id), str(q.doc_id), str(q.page or ""),
                      snippet[:90] + ("…" if len(snippet) > 90 else ""), q.attribution or "", *codes)
    Console().print(table)


def _codes_cell(codings: Any, label: Callable[[str], str]) -> str:
    """``anna: Normaliseren, Positief; bram: Negatief``: each coder's codes on one quote."""
    by_coder: dict[str, list[str]] = {}
    for coding in codings:
        by_coder.setdefault(coding.coder, []).append(label(coding.code))
    return "; ".join(f"{name}: {', '.join(codes)}" for name, codes in by_coder.items())


def _print_dismissed(coder_name: str | None, as_json: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    found = open_project().dismissed(coder=coder_name)
    if as_json:
        echo_json([asdict(d) for d in found])
        return
    table = Table("id", "doc", "page", "coder", "reason", "quote", box=None)
    for d in found:
        snippet = d.text.replace("\n", " ")
        table.add_row(str(d.id), str(d.doc_id), str(d.page or ""), d.coder, d.reason or "",
                      snippet[:70] + ("…" if len(snippet) > 70 else ""))
    Console().print(table)


@cli.command()
@db_option
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def search(query: str, as_json: bool) -> None:
    """Full-text search over all quotes (words; end a word with * for a prefix)."""
    found = open_project().search(query)
    if not found and not as_json:
        raise InputError(f"no quotes match {query!r}", exit_code=1)
    if as_json:
        echo_json([{k: v for k, v in q.as_dict().items() if k != "codings"} for q in found])
        return
    for q in found:
        click.echo(f"{q.id:>6}  doc {q.doc_id} p.{q.page}: {q.text[:100]!s}".replace("\n", " "))
