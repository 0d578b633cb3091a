"""`coder round ...` and `coder adjudicate ...`: the second-rater workflow."""

from __future__ import annotations

import click

from coder.cli.base import cli, db_option, echo_json, open_db, two_coders
from coder.errors import InputError


@cli.group("round")
def round_() -> None:
    """Double-coding rounds: which quotes both coders must code."""


@round_.command("create")
@db_option
@click.argument("name")
@click.option("--doc", "documents", type=int, multiple=True, help="Only quotes of this document id (repeatable).")
@click.option("--sample", type=int, help="A random sample of N quotes.")
@click.option("--seed", type=int, help="Seed for --sample (printed, so the sample can be redrawn).")
def round_create(name, documents, sample, seed) -> None:
    """Fix the quotes of a new round: all, some documents, or a seeded sample."""
    from coder.reliability.rounds import create_round

    r = create_round(open_db(), name, documents=list(documents) or None, sample=sample, seed=seed)
    seed_text = f", seed {r.seed}" if r.seed is not None else ""
    click.echo(f"round {r.name}: {r.scope['quotes']} quotes{seed_text}")


@round_.command("list")
@db_option
def round_list() -> None:
    """Rounds with their size and whether they are locked."""
    from coder.reliability.rounds import list_rounds

    for r in list_rounds(open_db()):
        click.echo(f"{r.name}\t{r.scope['quotes']} quotes\t{'locked' if r.locked else 'open'}")


@round_.command("status")
@db_option
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
def round_status(name, as_json) -> None:
    """How far each coder is with the round's quotes."""
    from coder.reliability.rounds import round_progress

    status = round_progress(open_db(), name)
    if as_json:
        echo_json(status)
        return
    click.echo(f"round {status['round']}: {status['quotes']} quotes, {'locked' if status['locked'] else 'open'}")
    for coder, coded in status["coded"].items():
        dismissed = status.get("dismissed", {}).get(coder, 0)
        done = coded + dismissed
        extra = f", {dismissed} dismissed as not a quote" if dismissed else ""
        click.echo(f"  {coder:<16} {done:>5}/{status['quotes']} ({done / max(status['quotes'], 1):.0%}{extra})")


@round_.command("lock")
@db_option
@click.argument("name")
def round_lock(name) -> None:
    """Close the round: its agreement figures are final from now on."""
    from coder.reliability.rounds import lock_round

    r = lock_round(open_db(), name)
    click.echo(f"round {r.name} locked at {r.locked_at}")


def round_scope(db, name: str | None, *, must_be_locked: bool) -> list[int] | None:
    if not name:
        return None
    from coder.reliability.rounds import get_round, round_quote_ids

    if must_be_locked and not get_round(db, name).locked:
        raise InputError(f"round {name!r} is still open; lock it first (coder round lock {name})")
    return round_quote_ids(db, name)


@cli.group()
def adjudicate() -> None:
    """Settle the disagreements of two coders into a consensus layer."""


@adjudicate.command("queue")
@db_option
@click.option("--coders", required=True, help="A,B")
@click.option("--round", "round_name", help="Only this round's quotes.")
@click.option("--json", "as_json", is_flag=True)
def adjudicate_queue(coders, round_name, as_json) -> None:
    """The unresolved disagreements, one per quote and facet."""
    from coder.reliability.adjudication import queue

    db = open_db()
    a, b = two_coders(coders)
    items = queue(db, a, b, round_scope(db, round_name, must_be_locked=False))
    if as_json:
        echo_json(items)
        return
    for item in items:
        click.echo(f"quote {item['quote']} ({item['document']}, p. {item['page']}) {item['facet']}: "
                   f"{a}={','.join(item['a']) or '-'} {b}={','.join(item['b']) or '-'} [{item['kind']}]")
    click.echo(f"{len(items)} disagreement(s) to resolve", err=True)


@adjudicate.command("agreed")
@db_option
@click.option("--coders", required=True, help="A,B")
@click.option("--round", "round_name", help="Only this round's quotes.")
def adjudicate_agreed(coders, round_name) -> None:
    """Copy everything both coders agree on into the consensus layer."""
    from coder.reliability.adjudication import accept_agreed

    db = open_db()
    a, b = two_coders(coders)
    n = accept_agreed(db, a, b, round_scope(db, round_name, must_be_locked=False))
    click.echo(f"copied {n} agreement(s) into the consensus layer")


@adjudicate.command("resolve")
@db_option
@click.argument("quote_id", type=int)
@click.argument("facet")
@click.option("--coders", required=True, help="A,B")
@click.option("--pick", type=click.Choice(["a", "b", "both", "other"]), required=True)
@click.option("--codes", help="With --pick other: the codes, comma-separated.")
@click.option("--reason", help="Why (kept with the decision).")
@click.option("--by", "adjudicator", envvar="CODER_NAME", help="Who decided.")
def adjudicate_resolve(quote_id, facet, coders, pick, codes, reason, adjudicator) -> None:
    """Decide one disagreement: take A's codes, B's, both, or other codes."""
    from coder.reliability.adjudication import resolve

    a, b = two_coders(coders)
    chosen = resolve(open_db(), a, b, quote_id, facet, pick,
                     codes=[c.strip() for c in codes.split(",")] if codes else None,
                     reason=reason, adjudicator=adjudicator)
    click.echo(f"quote {quote_id} {facet}: consensus = {','.join(chosen) or '(none)'}")
