"""``coder demo``: build the demo project from the bundled corpus and open it."""

from __future__ import annotations

from pathlib import Path

import click

from coder.cli.base import cli, echo_json
from coder.errors import InputError
from coder.paths import demo_corpus


@cli.command()
@click.option("--no-tui", is_flag=True, help="Only build the project and print a summary.")
@click.option("--coder", "coder_name", default="demo", show_default=True,
              help="Coder name to open the TUI with.")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True), default=None,
              help="Corpus folder (default: the bundled corpus/).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--db", "sub_db_path", default=None, type=click.Path(dir_okay=False),
              help="Project database file (default: demo.db).")
@click.pass_context
def demo(ctx: click.Context, no_tui: bool, coder_name: str, corpus: str | None, as_json: bool,
         sub_db_path: str | None) -> None:
    """Build a demo project (demo.db, or --db) from the bundled corpus and open the coding TUI.

    Documents already in the project are skipped, so running it again is quick.
    """
    from coder.ingest.demo import DEMO_DB, build_demo, summary
    from coder.store.db import connect

    root = ctx.find_root()
    explicit = root.get_parameter_source("db_path") not in (None, click.core.ParameterSource.DEFAULT)
    path = sub_db_path or (root.obj["db_path"] if explicit else DEMO_DB)
    folder = Path(corpus) if corpus else demo_corpus()
    if folder is None:
        raise InputError("the demo corpus is not installed with coder: it is the corpus/ folder of "
                         "a source checkout; clone the repository and run `coder demo` there, "
                         "or pass --corpus FOLDER")
    db = connect(path)

    def show(result) -> None:
        state = result.error if result.status == "failed" else f"{result.status}, {result.quotes} quotes"
        click.echo(f"  {result.path.name}: {state}", err=True)

    click.echo(f"building demo project {path} from {folder} ...", err=True)
    build_demo(db, folder, on_result=show)
    facts = summary(db)
    if as_json:
        echo_json({"db": str(path), **facts})
    elif no_tui:
        click.echo(f"demo project: {path}")
        for key, value in facts.items():
            click.echo(f"  {key}: {value}")
    if not no_tui:
        from coder.tui.app import run_app  # the only place the CLI loads Textual

        run_app(path, coder_name)
