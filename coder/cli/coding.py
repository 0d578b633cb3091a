"""Coding commands: code, undo, redo, history, coders."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from coder.cli.base import cli, db_option, echo_json, open_db
from coder.coding.coders import add_coder, ensure_coder, get_coder, list_coders, rename_coder
from coder.coding.assign import code_quote, current_codings, parse_assignment
from coder.store.db import write
from coder.ingest.documents import resolve_document
from coder.coding.events import coder_events, redo as redo_event, undo as undo_event
from coder.quotes.store import add_manual_quote, adjust_quote, delete_manual_quote


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

    Example: coder code 12 --coder anna transformatiedoel=normaliseren valentie=positief
    drie_vs+=vertrouwen --memo "sterk voorbeeld"
    """
    db = open_db()
    parsed = [parse_assignment(a) for a in assignments]
    if not parsed and memo is None:
        raise click.UsageError("nothing to do: give facet=code assignments and/or --memo")
    with write(db):  # a rejected command registers no coder either
        coder, created = ensure_coder(db, coder_name)
        result = code_quote(db, quote_id, coder.id, parsed, memo=memo)
    if created:
        click.echo(f"coder: registered new coder {coder.name!r}", err=True)
    rows = current_codings(db, quote_id, coder.id)
    if as_json:
        echo_json([{k: r[k] for k in ("id", "quote_id", "facet", "code", "memo")} for r in rows])
        return
    if not result.changed:
        click.echo(f"quote {quote_id}: no change", err=True)
    else:
        parts = [f"+{c}" for c in result.added] + [f"-{c}" for c in result.removed]
        parts += [f"memo({c})" for c in result.memos]
        click.echo(f"quote {quote_id}: {' '.join(parts)} (event {result.event_id})")


@cli.command()
@db_option
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME", help="Whose last action to undo.")
def undo(coder_name: str) -> None:
    """Undo the coder's most recent coding action (survives restarts)."""
    db = open_db()
    event = undo_event(db, get_coder(db, coder_name).id)
    click.echo(f"undone: event {event.id} ({event.action}, quote {event.quote_id})" if event
               else "nothing to undo")


@cli.command()
@db_option
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME", help="Whose undone action to redo.")
def redo(coder_name: str) -> None:
    """Redo the coder's most recently undone action."""
    db = open_db()
    event = redo_event(db, get_coder(db, coder_name).id)
    click.echo(f"redone: event {event.id} ({event.action}, quote {event.quote_id})" if event
               else "nothing to redo")


@cli.command()
@db_option
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def history(coder_name: str, limit: int, as_json: bool) -> None:
    """The coder's latest actions from the event log (the audit trail)."""
    db = open_db()
    events = coder_events(db, get_coder(db, coder_name).id)[-limit:]
    if as_json:
        echo_json([e.__dict__ for e in events])
        return
    for e in events:
        target = f" → event {e.target_event}" if e.target_event else ""
        click.echo(f"{e.id:>6} {e.at} {e.action:<14} quote {e.quote_id}{target}")


@cli.group()
def coders() -> None:
    """Manage coders (each coding belongs to one coder)."""


@coders.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True)
def coders_list(as_json: bool) -> None:
    """List coders with their number of codings."""
    db = open_db()
    counts = dict(db.execute("SELECT coder_id, COUNT(*) FROM codings GROUP BY coder_id"))
    rows = [{"id": c.id, "name": c.name, "kind": c.kind, "codings": counts.get(c.id, 0)}
            for c in list_coders(db)]
    if as_json:
        echo_json(rows)
        return
    table = Table("id", "name", "kind", "codings", box=None)
    for r in rows:
        table.add_row(str(r["id"]), r["name"], r["kind"], str(r["codings"]))
    Console().print(table)


@coders.command("add")
@db_option
@click.argument("name")
def coders_add(name: str) -> None:
    """Register a coder."""
    coder = add_coder(open_db(), name)
    click.echo(f"coder {coder.name!r} added (id {coder.id})")


@coders.command("rename")
@db_option
@click.argument("old")
@click.argument("new")
def coders_rename(old: str, new: str) -> None:
    """Rename a coder; their codings follow."""
    coder = rename_coder(open_db(), old, new)
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
    db = open_db()
    coder, _ = ensure_coder(db, coder_name)
    quote_id = add_manual_quote(db, resolve_document(db, doc), start, end, coder.id)
    click.echo(str(quote_id))


@quote.command("adjust")
@db_option
@click.argument("quote_id", type=int)
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
def quote_adjust(quote_id: int, start: int, end: int, coder_name: str) -> None:
    """Move a quote's bounds to [START, END)."""
    db = open_db()
    event = adjust_quote(db, quote_id, start, end, ensure_coder(db, coder_name)[0].id)
    click.echo(f"quote {quote_id}: " + ("bounds changed" if event else "no change"))


@quote.command("delete")
@db_option
@click.argument("quote_id", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
def quote_delete(quote_id: int, coder_name: str) -> None:
    """Delete a manual quote and its codings (undo brings them back)."""
    db = open_db()
    delete_manual_quote(db, quote_id, get_coder(db, coder_name).id)
    click.echo(f"quote {quote_id} deleted")


@quote.command("dismiss")
@db_option
@click.argument("quote_id", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
@click.option("--reason", default=None, help="Why it is not a quote (heading, caption, fragment...).")
def quote_dismiss(quote_id: int, coder_name: str, reason: str | None) -> None:
    """Mark a candidate "not a quote" for this coder (undo or `quote undismiss` takes it back)."""
    from coder.quotes.dismiss import dismiss_quote

    db = open_db()
    with write(db):
        coder, _ = ensure_coder(db, coder_name)
        event = dismiss_quote(db, quote_id, coder.id, reason)
    click.echo(f"quote {quote_id}: " + (f"dismissed as not a quote (event {event})" if event
                                        else "already dismissed"))


@quote.command("undismiss")
@db_option
@click.argument("quote_id", type=int)
@click.option("--coder", "coder_name", required=True, envvar="CODER_NAME")
def quote_undismiss(quote_id: int, coder_name: str) -> None:
    """Take back this coder's dismissal of a candidate."""
    from coder.quotes.dismiss import undismiss_quote

    db = open_db()
    event = undismiss_quote(db, quote_id, get_coder(db, coder_name).id)
    click.echo(f"quote {quote_id}: a candidate again (event {event})")
