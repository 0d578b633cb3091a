"""The root ``coder`` group and the options every command shares."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from coder import __version__
from coder.errors import CoderError, InputError, explain_sqlite_error
from coder.paths import default_db

if TYPE_CHECKING:
    from coder.api import Project


class CoderGroup(click.Group):
    """The root group: user-facing errors become one stderr line and their exit code.

    Doing this here rather than in ``main`` means click's test runner sees the same
    behaviour as a user at the shell.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["coder.argv"] = list(args)  # kept to find the invoked command if it fails
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CoderError as exc:
            click.echo(f"coder: error: {exc}{_flags_of(ctx, exc.params)}", err=True)
            ctx.exit(exc.exit_code)
        except OverflowError:  # a number beyond SQLite's 64-bit integers: it names nothing here
            click.echo("coder: error: a number on the command line is too large", err=True)
            ctx.exit(2)
        except sqlite3.Error as exc:
            click.echo(f"coder: error: {ctx.obj.get('db_path')}: {explain_sqlite_error(exc)}", err=True)
            ctx.exit(1)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"coder: error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)
        finally:
            close_all(ctx)


def _invoked_command(ctx: click.Context) -> click.Command:
    """The (sub)command the command line named, found again from its words."""
    command: click.Command = ctx.command
    for word in ctx.meta.get("coder.argv", []):
        if isinstance(command, click.Group):
            sub = command.get_command(ctx, word)
            if sub is not None:
                command = sub
    return command


def _flags_of(ctx: click.Context, params: tuple[str, ...]) -> str:
    """The flags of the command that failed, for the parameters its error names."""
    return option_flags(_invoked_command(ctx), params) if params else ""


def option_flags(command: click.Command, params: tuple[str, ...]) -> str:
    """`` (see --merge-into, --force)``: ``command``'s options for the core's parameters.

    The core names Python parameters; a parameter matches an option by its click name or by
    its long flag (``--from-coder`` is ``from_coder``). Parameters without an option here add
    nothing.
    """
    options = [p for p in command.params if isinstance(p, click.Option)]
    flags: list[str] = []
    for name in params:
        for option in options:
            names = {option.name, *(o.lstrip("-").replace("-", "_") for o in option.opts)}
            if name in names:
                flags.append(max(option.opts, key=len))
                break
    return f" (see {', '.join(flags)})" if flags else ""


@click.group(cls=CoderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coder")
@click.option(
    "--db",
    "db_path",
    default=default_db,
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


def two_coders(text: str) -> tuple[str, str]:
    """`--coders A,B` (also `--agree A,B`): exactly two names."""
    names = [c.strip() for c in text.split(",") if c.strip()]
    if len(names) != 2:
        raise InputError("--coders takes two names, as A,B")
    return names[0], names[1]


def coder_list(text: str) -> list[str]:
    """`--coders A,B[,C...]`: two or more names."""
    names = [c.strip() for c in text.split(",") if c.strip()]
    if len(names) < 2:
        raise InputError("--coders takes two or more names, as A,B[,C]")
    return names


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


def by_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--by NAME``: who asks, for the blind rules of open rounds (or $CODER_NAME)."""
    return click.option("--by", "by", default=None, envvar="CODER_NAME",
                        help="Who asks (or $CODER_NAME): an open round's codings are shown "
                        "only to someone outside it, or a coder their own.")(func)


def db_path() -> str:
    return click.get_current_context().find_root().obj["db_path"]


def open_project(*, create: bool = False) -> Project:
    """The project named by ``--db`` as a :class:`coder.api.Project` (what commands call);
    only the commands that make a project (init, import) pass ``create``.

    Its file is checkpointed and closed when the command ends (see :func:`close_all`).
    """
    from coder.api import Project

    project = Project.open(db_path(), create=create)
    click.get_current_context().find_root().obj.setdefault("open", []).append(project.db)
    return project


def close_all(ctx: click.Context) -> None:
    """Leave the project file complete (WAL checkpointed) when a command ends, so a plain
    copy of coder.db is the whole project."""
    opened = (ctx.obj or {}).pop("open", [])
    if not opened:
        return  # e.g. `agree --table`: no project, so no sqlite-utils (and pandas) to import
    from coder.store.db import checkpoint_and_close

    for db in opened:
        checkpoint_and_close(db)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))
