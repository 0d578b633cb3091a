"""`coder round ...`, `coder adjudicate ...` and `coder handoff`: the second-rater workflow."""

from __future__ import annotations

import click

from coder.cli.base import by_option, cli, db_option, echo_json, open_project, two_coders
from coder.errors import InputError


@cli.group("round")
def round_() -> None:
    """Double-coding rounds: which quotes the named coders must each code, blind."""


@round_.command("create")
@db_option
@click.argument("name")
@click.option("--coders", "members", help="The round's coders, A,B[,C]: each codes its quotes blind.")
@click.option("--quotes", "quote_list", help="These quote ids, comma-separated.")
@click.option("--from-coder", help="The quotes this coder has coded.")
@click.option("--doc", "documents", type=int, multiple=True,
              help="Only quotes of this document id (repeatable).")
@click.option("--sample", type=int, help="A random sample of N quotes (of the above, or of all).")
@click.option("--seed", type=int, help="Seed for --sample (printed, so the sample can be redrawn).")
def round_create(name, members, quote_list, from_coder, documents, sample, seed) -> None:
    """Fix the quotes and coders of a new round.

    \b
    coder round create r1 --coders anna,bram --sample 120 --seed 46
    coder round create r2 --coders anna,bram --from-coder anna
    coder round create r3 --coders anna,bram,chris --quotes 3,5,8
    """
    r = open_project().create_round(
        name, coders=split_names(members) if members else None,
        quotes=parse_ids(quote_list) if quote_list else None, from_coder=from_coder,
        documents=list(documents) or None, sample=sample, seed=seed)
    seed_text = f", seed {r.seed}" if r.seed is not None else ""
    who = f", coders {', '.join(r.members)}" if r.members else " (no coders named: not blind)"
    click.echo(f"round {r.name}: {r.scope['quotes']} quotes{seed_text}{who}")


def split_names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


def parse_ids(text: str) -> list[int]:
    try:
        return [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError:
        raise InputError(f"--quotes takes quote ids like 3,5,8, got {text!r}") from None


@round_.command("list")
@db_option
def round_list() -> None:
    """Rounds with their size and whether they are locked."""
    for r in open_project().rounds():
        click.echo(f"{r.name}\t{r.scope['quotes']} quotes\t{'locked' if r.locked else 'open'}")


@round_.command("status")
@db_option
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
def round_status(name, as_json) -> None:
    """How far each of the round's coders is with its quotes."""
    status = open_project().round_status(name)
    if as_json:
        echo_json(status)
        return
    state = "locked" if status["locked"] else "open"
    click.echo(f"round {status['round']}: {status['quotes']} quotes, {state}")
    for coder, coded in status["coded"].items():
        dismissed = status.get("dismissed", {}).get(coder, 0)
        done = coded + dismissed
        extra = f", {dismissed} dismissed as not a quote" if dismissed else ""
        click.echo(f"  {coder:<16} {done:>5}/{status['quotes']} "
                   f"({done / max(status['quotes'], 1):.0%}{extra})")
    if not status["members"]:
        click.echo("  (a round without named coders: codings are not kept blind)")


@round_.command("lock")
@db_option
@click.argument("name")
@click.option("--force", is_flag=True, help="Lock although a coder has uncoded quotes left.")
def round_lock(name, force) -> None:
    """Close the round: its quotes are fixed and its agreement figures final from now on."""
    r = open_project().lock_round(name, force=force)
    click.echo(f"round {r.name} locked at {r.locked_at}")


@round_.command("unlock")
@db_option
@click.argument("name")
@click.option("--reason", help="Why it is reopened (kept in the log and shown with its agreement).")
@click.option("--by", "by", envvar="CODER_NAME", help="Who reopens it.")
def round_unlock(name, reason, by) -> None:
    """Reopen a locked round so that a coder can mend a mistake; lock it again after.

    The reopening is logged, and `coder agree --round NAME` says it happened.
    """
    r = open_project().unlock_round(name, reason=reason, by=by)
    click.echo(f"round {r.name} reopened: its coders can change their codes on it; "
               f"lock it again with `coder round lock {r.name}`")


@cli.group()
def adjudicate() -> None:
    """Settle the disagreements of two coders into a consensus layer."""


@adjudicate.command("queue")
@db_option
@click.option("--coders", required=True, help="A,B")
@click.option("--round", "round_name", help="Only this round's quotes.")
@click.option("--json", "as_json", is_flag=True)
@by_option
def adjudicate_queue(coders, round_name, as_json, by) -> None:
    """The unresolved disagreements, one per quote and facet (per code of a multi facet)."""
    a, b = two_coders(coders)
    items = open_project().disagreements(a, b, round=round_name, by=by)
    if as_json:
        echo_json(items)
        return
    for item in items:
        facet = f"{item['facet']} {item['code']}" if item["code"] else item["facet"]
        click.echo(f"quote {item['quote']} ({item['document']}, p. {item['page']}) {facet}: "
                   f"{a}={','.join(item['a']) or '-'} {b}={','.join(item['b']) or '-'} [{item['kind']}]")
    click.echo(f"{len(items)} disagreement(s) to resolve", err=True)


@adjudicate.command("agreed")
@db_option
@click.option("--coders", required=True, help="A,B")
@click.option("--round", "round_name", help="Only this round's quotes.")
@by_option
def adjudicate_agreed(coders, round_name, by) -> None:
    """Copy everything both coders agree on into the consensus layer (per code for multi facets)."""
    a, b = two_coders(coders)
    n = open_project().accept_agreed(a, b, round=round_name, by=by)
    click.echo(f"copied {n} agreement(s) into the consensus layer")


@adjudicate.command("resolve")
@db_option
@click.argument("quote_id", type=int)
@click.argument("facet")
@click.option("--code", help="On a multi facet: the code to decide (each code is its own decision).")
@click.option("--coders", required=True, help="A,B")
@click.option("--pick", type=click.Choice(["a", "b", "both", "other"]), required=True)
@click.option("--codes", help="With --pick other: the codes, comma-separated.")
@click.option("--reason", help="Why (kept with the decision).")
@click.option("--by", "adjudicator", envvar="CODER_NAME", help="Who decided.")
def adjudicate_resolve(quote_id, facet, code, coders, pick, codes, reason, adjudicator) -> None:
    """Decide one disagreement: take A's codes, B's, both, or other codes.

    On a multi facet each code is decided alone (--code KEY): a or b follows that coder,
    both keeps the code.
    """
    a, b = two_coders(coders)
    chosen = open_project().resolve(a, b, quote_id, facet, pick, code=code,
                                    codes=[c.strip() for c in codes.split(",")] if codes else None,
                                    reason=reason, adjudicator=adjudicator)
    click.echo(f"quote {quote_id} {facet}: consensus = {','.join(chosen) or '(none)'}")


@cli.command()
@db_option
@click.option("--coder", "coder_name", required=True, help="Who the copy is for (registered if new).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=True), help="The copy, e.g. bram.db.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
def handoff(coder_name, output, force) -> None:
    """Write a complete project copy for a second coder, without anyone else's codings.

    Documents, quotes, codebook and rounds are in it; other coders' codings, memos and
    history are not. Send the file; bring the work back with
    `coder export codings --coder NAME` there and `coder import NAME.codings` here.
    """
    click.echo(open_project().handoff(coder_name, output, force=force).summary(), err=True)
