"""Coding commands: code, undo, redo, history, coders, quote add/adjust/delete."""

from __future__ import annotations

from dataclasses import asdict

import click

from coder.cli.base import cli, db_option, echo_json, open_project


@cli.command()
@db_option
@click.argument("quote_id", type=int)
@click.argument("assignments", nargs=-1)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME",
              help="Who is coding (registered on first use; or $CODER_NAME).")
@click.option("--memo", default=None, help="Memo for the codings this command adds or names.")
@click.option("--json", "as_json", is_flag=True, help="Print the quote's codings as JSON afterwards.")
def code(quote_id: int, assignments: tuple[str, ...], coder_name: str, memo: str | None,
         as_json: bool) -> None:
    """Code a quote: facet=code, facet+=code (multi facets), facet-=code, facet= (clear).

    Says what changed in the codebook's labels, as history does (--json: the keys).

    Example: coder code 12 --coder anna transformatiedoel=normaliseren valentie=positief
    drie_vs+=vertrouwen --memo "sterk voorbeeld"
    """
    if not assignments and memo is None:
        raise click.UsageError("nothing to do: give facet=code assignments and/or --memo")
    change = open_project().code(quote_id, assignments, coder=coder_name, memo=memo)
    if change.coder_created:
        click.echo(f"coder: registered new coder {change.coder!r}", err=True)
    if as_json:
        echo_json(_codings_json(change.quote_id, change.codings))
        return
    if not change.changed:
        click.echo(f"quote {quote_id}: no change", err=True)
    else:
        click.echo(f"quote {quote_id}: {change.change} (event {change.event_id})")


def _codings_json(quote_id: int, codings: tuple) -> list[dict]:
    return [{"id": c.id, "quote_id": quote_id, "facet": c.facet, "code": c.code, "memo": c.memo}
            for c in codings]


@cli.command()
@db_option
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME", help="Whose last action to undo.")
def undo(coder_name: str) -> None:
    """Undo the coder's most recent coding action (survives restarts)."""
    project = open_project()
    event = project.undo(coder=coder_name)
    click.echo(f"{project.describe_undo(event, 'undone')} [event {event.id}]" if event else "nothing to undo")


@cli.command()
@db_option
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME",
              help="Whose undone action to redo.")
def redo(coder_name: str) -> None:
    """Redo the coder's most recently undone action."""
    project = open_project()
    event = project.redo(coder=coder_name)
    click.echo(f"{project.describe_undo(event, 'redone')} [event {event.id}]" if event else "nothing to redo")


@cli.command()
@db_option
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def history(coder_name: str, limit: int, as_json: bool) -> None:
    """The coder's latest actions from the event log (the audit trail)."""
    lines = open_project().changes(coder=coder_name, limit=limit)
    if as_json:
        echo_json([{**e.__dict__, "change": change} for e, change in lines])
        return
    for e, change in lines:
        quote = f"quote {e.quote_id}" if e.quote_id is not None else ""
        click.echo(f"{e.id:>6} {e.at} {quote:<11} {change}")


@cli.group()
def coders() -> None:
    """Manage coders (each coding belongs to one coder)."""


@coders.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True)
def coders_list(as_json: bool) -> None:
    """List coders with their number of codings."""
    from rich.console import Console
    from rich.table import Table

    rows = open_project().coders()
    if as_json:
        echo_json([asdict(r) for r in rows])
        return
    table = Table("id", "name", "kind", "codings", box=None)
    for r in rows:
        table.add_row(str(r.id), r.name, r.kind, str(r.codings))
    Console().print(table)


@coders.command("add")
@db_option
@click.argument("name")
def coders_add(name: str) -> None:
    """Register a coder."""
    coder = open_project().add_coder(name)
    click.echo(f"coder {coder.name!r} added (id {coder.id})")


@coders.command("rename")
@db_option
@click.argument("old")
@click.argument("new")
def coders_rename(old: str, new: str) -> None:
    """Rename a coder; their codings follow."""
    coder = open_project().rename_coder(old, new)
    click.echo(f"coder {old!r} is now {coder.name!r}")


@cli.group()
def quote() -> None:
    """Make, adjust and delete manual quotes; dismiss candidates that are not quotes."""


@quote.command("add")
@db_option
@click.argument("doc")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
def quote_add(doc: str, start: int, end: int, coder_name: str) -> None:
    """Make a quote of characters [START, END) of document DOC."""
    click.echo(str(open_project().add_quote(doc, start, end, coder=coder_name)))


@quote.command("adjust")
@db_option
@click.argument("quote_id", type=int)
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
def quote_adjust(quote_id: int, start: int, end: int, coder_name: str) -> None:
    """Move a quote's bounds to [START, END)."""
    changed = open_project().adjust_quote(quote_id, start, end, coder=coder_name)
    click.echo(f"quote {quote_id}: " + ("bounds changed" if changed else "no change"))


@quote.command("delete")
@db_option
@click.argument("quote_id", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
def quote_delete(quote_id: int, coder_name: str) -> None:
    """Delete a manual quote and its codings (undo brings them back)."""
    open_project().delete_quote(quote_id, coder=coder_name)
    click.echo(f"quote {quote_id} deleted")


@quote.command("dismiss")
@db_option
@click.argument("quote_id", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
@click.option("--reason", default=None, help="Why it is not a quote (heading, caption, fragment...).")
def quote_dismiss(quote_id: int, coder_name: str, reason: str | None) -> None:
    """Mark a candidate "not a quote" for this coder (undo or `quote undismiss` takes it back)."""
    event = open_project().dismiss_quote(quote_id, coder=coder_name, reason=reason)
    click.echo(f"quote {quote_id}: " + (f"dismissed as not a quote (event {event})" if event
                                        else "already dismissed"))


@quote.command("undismiss")
@db_option
@click.argument("quote_id", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
def quote_undismiss(quote_id: int, coder_name: str) -> None:
    """Take back this coder's dismissal of a candidate."""
    event = open_project().undismiss_quote(quote_id, coder=coder_name)
    click.echo(f"quote {quote_id}: a candidate again (event {event})")
