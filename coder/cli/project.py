"""Project commands: init, import, docs, text, quotes, search."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from coder.cli.base import cli, db_option, db_path, echo_json, open_db
from coder.ingest.documents import list_documents, page_text, resolve_document
from coder.errors import CoderError, InputError
from coder.ingest.inputs import collect_inputs, import_other, import_pdfs
from coder.store.project import init_project
from coder.quotes.store import document_text, list_quotes, search_quotes

QUOTE_FIELDS = ("id", "doc_id", "page", "start", "end", "text", "origin", "speaker", "source",
                "attribution")


@cli.command()
@db_option
@click.option("--codebook", "codebook_path", type=click.Path(dir_okay=False, exists=True),
              help="Codebook to load (default: ./codebook.yaml, else the bundled one).")
def init(codebook_path: str | None) -> None:
    """Create the project database and load the codebook into it."""
    db = open_db(create=True)
    report = init_project(db, codebook_path)
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
def import_(paths: tuple[str, ...], manifest: str | None, force: bool, password: str | None,
            jobs: int | None, ocr: bool) -> None:
    """Import PDFs (files or folders), or .qdpx/.qdc/.codings files.

    A documents.csv manifest beside the PDFs (or --manifest) supplies title,
    organisation, municipality, year, doc_type, team_type, size_class and region.
    Files already imported (same sha256) are skipped. A bad file is reported on one
    line and the rest of the batch goes on; the exit code is 1 if any file failed.
    """
    db = open_db(create=True)
    inputs = collect_inputs([Path(p) for p in paths], Path(manifest) if manifest else None)
    failures = len(inputs.missing)
    for path, reason in inputs.missing:
        click.echo(f"coder: error: {path}: {reason}", err=True)
    for path in inputs.unlisted():
        click.echo(f"{path}: warning: not in the manifest ({', '.join(m.name for m in inputs.manifests)}); "
                   "imported without its metadata", err=True)
    for path in inputs.others:
        try:
            click.echo(import_other(db, path), err=True)
        except CoderError as exc:
            click.echo(f"coder: error: {exc}", err=True)
            failures += 1
    # Exchange files bring their own codebook; PDFs get the default one in a fresh project.
    if inputs.pdfs or not inputs.others:
        init_project(db, None, quiet=True)
    totals = {"imported": 0, "reimported": 0, "skipped": 0, "failed": 0}
    with _progress() as progress:
        overall = progress.add_task("documents", total=len(inputs.pdfs))
        page_tasks = []

        def on_file(number: int, path: Path):
            task = progress.add_task(f"  {path.name}", total=None)
            page_tasks.append(task)
            return lambda done, total: progress.update(task, completed=done, total=total)

        for result in import_pdfs(db, inputs, on_file, force=force, password=password, jobs=jobs, ocr=ocr):
            progress.remove_task(page_tasks.pop())
            progress.advance(overall)
            totals[result.status] += 1
            _report(progress.console, result)
    failures += totals["failed"]
    if inputs.pdfs or not inputs.others:
        click.echo(", ".join(f"{n} {status}" for status, n in totals.items() if n) or "nothing to import",
                   err=True)
    if failures:
        sys.exit(1)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=Console(stderr=True, soft_wrap=True), transient=True)


def _report(console: Console, result) -> None:
    for line in result.lines():
        console.print(line, markup=False, highlight=False)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def docs(as_json: bool) -> None:
    """List the imported documents."""
    rows = list_documents(open_db())
    if as_json:
        echo_json(rows)
        return
    table = Table("id", "title", "type", "team", "year", "pages", "quotes", box=None)
    for r in rows:
        table.add_row(str(r["id"]), r["title"] or "", r["doc_type"] or "", r["team_type"] or "",
                      str(r["year"] or ""), str(r["pages"]), str(r["quotes"]))
    Console().print(table)


@cli.command()
@db_option
@click.argument("doc")
@click.option("--page", type=int, default=None, help="Only this page (1-based).")
def text(doc: str, page: int | None) -> None:
    """Print a document's normalised text (DOC: id, file name or sha256 prefix)."""
    db = open_db()
    doc_id = resolve_document(db, doc)
    click.echo(page_text(db, doc_id, page) if page else document_text(db, doc_id), nl=False)


@cli.command()
@db_option
@click.option("--doc", default=None, help="Only quotes of this document (id or file name).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--search", "query", default=None, help="Full-text search over quote text.")
def quotes(doc: str | None, as_json: bool, query: str | None) -> None:
    """List quotes (detected and manual), optionally of one document or matching a search."""
    db = open_db()
    if query:
        rows = search_quotes(db, query)
        if doc:
            doc_id = resolve_document(db, doc)
            rows = [r for r in rows if r["doc_id"] == doc_id]
    else:
        rows = list_quotes(db, doc_id=resolve_document(db, doc) if doc else None)
    rows = [_with_codings(db, row) for row in rows]
    if as_json:
        echo_json(rows)
        return
    table = Table("id", "doc", "page", "quote", "attribution", box=None)
    for r in rows:
        snippet = r["text"].replace("\n", " ")
        table.add_row(str(r["id"]), str(r["doc_id"]), str(r["page"] or ""),
                      snippet[:90] + ("…" if len(snippet) > 90 else ""), r["attribution"] or "")
    Console().print(table)


def _with_codings(db, row: dict) -> dict:
    out = {key: row[key] for key in QUOTE_FIELDS}
    out["codings"] = [
        {"coder": c["coder"], "facet": c["facet"], "code": c["code"], "memo": c["memo"]}
        for c in db.query(
            "SELECT coders.name AS coder, facet, code, memo FROM codings JOIN coders"
            " ON coders.id = codings.coder_id WHERE quote_id = ? ORDER BY coders.name, codings.id",
            [row["id"]])
    ]
    return out


@cli.command()
@db_option
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def search(query: str, as_json: bool) -> None:
    """Full-text search over all quotes (words; end a word with * for a prefix)."""
    rows = search_quotes(open_db(), query)
    if not rows and not as_json:
        raise InputError(f"no quotes match {query!r}", exit_code=1)
    if as_json:
        echo_json([{k: r[k] for k in QUOTE_FIELDS} for r in rows])
        return
    for r in rows:
        click.echo(f"{r['id']:>6}  doc {r['doc_id']} p.{r['page']}: {r['text'][:100]!s}".replace("\n", " "))

