"""`coder round ...` and `coder adjudicate ...`: the second-rater workflow."""

from __future__ import annotations

import click

from coder.cli.base import cli, db_option, echo_json, open_project, two_coders


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
    r = open_project().create_round(name, documents=list(documents) or None, sample=sample, seed=seed)
    seed_text = f", seed {r.seed}" if r.seed is not None else ""
    click.echo(f"round {r.name}: {r.scope['quotes']} quotes{seed_text}")


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
    """How far each coder is with the round's quotes."""
    status = open_project().round_status(name)
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
    r = open_project().lock_round(name)
    click.echo(f"round {r.name} locked at {r.locked_at}")


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
    a, b = two_coders(coders)
    items = open_project().disagreements(a, b, round=round_name)
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
    a, b = two_coders(coders)
    n = open_project().accept_agreed(a, b, round=round_name)
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
    a, b = two_coders(coders)
    chosen = open_project().resolve(a, b, quote_id, facet, pick,
                                    codes=[c.strip() for c in codes.split(",")] if codes else None,
                                    reason=reason, adjudicator=adjudicator)
    click.echo(f"quote {quote_id} {facet}: consensus = {','.join(chosen) or '(none)'}")
