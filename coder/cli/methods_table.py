"""`coder agree --coders ...` as text: the methods table (goals, coefficients, readings)."""

from __future__ import annotations

from typing import Any


def print_methods_table(out: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from coder.reliability import methods

    console = Console()
    names = out["coders"]
    every = "both" if len(names) == 2 else "all"
    console.print(f"{', '.join(names[:-1])} and {names[-1]} {every} coded {out['units']} quotes.")
    _print_round(console, out.get("round"))
    if out["goals"]:
        goals = Table(title="Per transformation goal: quotes per coder (+ positive, − negative, "
                      "± mixed/neutral, Σ all) and agreement on 'this quote has this goal'")
        for i, col in enumerate(methods.goal_headers(out)):
            goals.add_column(col, justify="left" if i == 0 or col == "reading" else "right")
        for row in methods.goal_rows(out):
            goals.add_row(*row)
        console.print(goals)
    table = Table(title="Agreement per facet (single) and per code (multi: present/absent), 95% CI")
    for i, col in enumerate(methods.coefficient_headers(out)):
        table.add_column(col, justify="left" if i == 0 or col == "reading" else "right")
    for _, cells in methods.coefficient_rows(out):
        table.add_row(*cells)
    console.print(table)
    if out.get("pairs"):
        pairs = Table(title="Pairs of coders")
        for col in ("pair", "variable", "n", "%", "κ", "α", "AC1"):
            pairs.add_column(col, justify="left" if col in ("pair", "variable") else "right")
        for row in methods.pair_rows(out):
            pairs.add_row(*row)
        console.print(pairs)
    for line in methods.warnings(out):
        console.print(f"[yellow]warning:[/] {line}", highlight=False)
    _print_disagreements(console, out)
    console.print(methods.ADVICE, style="dim", highlight=False)


def _print_disagreements(console: Any, out: dict[str, Any]) -> None:
    n = len(out["disagreements"])
    labels = out["labels"]
    console.print(f"{n} disagreement(s)" + (":" if n else "."))
    for d in out["disagreements"][:40]:
        values = " ".join(f"{name}={','.join(labels.get(c, c) for c in codes) or '-'}"
                          for name, codes in d["codes"].items())
        console.print(f"  quote {d['quote']} ({d['document']}, p. {d['page']}) "
                      f"{labels.get(d['facet'], d['facet'])}: {values}", highlight=False)
    if n > 40:
        console.print(f"  … and {n - 40} more (use --json for all)")


def _print_round(console: Any, info: dict[str, Any] | None) -> None:
    """Round, lock time, and every reopening: figures on a reopened round were open to change."""
    if not info:
        return
    state = f"locked at {info['locked_at']}" if info["locked_at"] else "open"
    console.print(f"Round {info['name']!r}, {state}.", highlight=False)
    for n, again in enumerate(info["reopened"], 1):
        who = f" by {again['by']}" if again["by"] else ""
        why = f": {again['reason']}" if again["reason"] else ""
        console.print(f"[yellow]note:[/] reopened ({n}) at {again['at']}{who}{why} "
                      f"(it had been locked at {again['was_locked_at']})", highlight=False)
