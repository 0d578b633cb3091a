"""The root ``coder`` group and the options every command shares."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from typing import Any

import click
import sqlite_utils

from coder import __version__
from coder.db import DEFAULT_DB, connect
from coder.errors import CoderError


class CoderGroup(click.Group):
    """The root group: user-facing errors become one stderr line and their exit code.

    Doing this here rather than in ``main`` means click's test runner sees the same
    behaviour as a user at the shell.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CoderError as exc:
            click.echo(f"coder: error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=CoderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coder")
@click.option(
    "--db",
    "db_path",
    default=lambda: os.environ.get("CODER_DB", DEFAULT_DB),
    show_default="./coder.db or $CODER_DB",
    type=click.Path(dir_okay=False),
    help="Project database file.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: str) -> None:
    """Code quotes from PDF reports, check agreement between coders, export tables.

    Start with `coder demo` to build a demo project from the bundled corpus, or
    `coder init` and `coder import *.pdf` for your own documents.
    """
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """Also accept ``--db`` after the subcommand (``coder quotes --db x.db``)."""

    @click.option("--db", "sub_db_path", default=None, type=click.Path(dir_okay=False),
                  help="Project database file (overrides the global --db).")
    @functools.wraps(func)
    def wrapper(*args: Any, sub_db_path: str | None = None, **kwargs: Any) -> Any:
        if sub_db_path:
            click.get_current_context().find_root().obj["db_path"] = sub_db_path
        return func(*args, **kwargs)

    return wrapper


def db_path() -> str:
    return click.get_current_context().find_root().obj["db_path"]


def open_db() -> sqlite_utils.Database:
    """The project database named by ``--db``, created and migrated if needed."""
    return connect(db_path())


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))
