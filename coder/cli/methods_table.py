"""`coder agree --coders ...` as text: the methods table (goals, coefficients, readings)."""

from __future__ import annotations

from typing import Any

WIDE = 150  # below this many columns the wide tables are split so every cell stays readable


def print_methods_table(out: dict[str, Any]) -> None:
    from rich.console import Console

    from coder.reliability import methods

    console = Console()
    narrow = console.width < WIDE
    names = out["coders"]
    every = "both" if len(names) == 2 else "all"
    console.print(f"{', '.join(names[:-1])} and {names[-1]} {every} coded {out['units']} quotes.")
    _print_round(console, out.get("round"))
    if out["goals"]:
        title = ("Per transformation goal: quotes per coder (+ positive, − negative, "
                 "± mixed/neutral, Σ all) and agreement on 'this quote has this goal'")
        headers, rows = methods.goal_headers(out), methods.goal_rows(out)
        if narrow:
            counts = 1 + len(headers) - 7  # goal, the count columns; then n % κ α AC1 reading
            stacked = [headers[0], *(h.replace(" ", "\n", 1) for h in headers[1:counts])]
            _print(console, title, [stacked], [r[:counts] for r in rows])
            _print_split(console, "Agreement per transformation goal, 95% CI",
                         [headers[0], *headers[counts:]], [[r[0], *r[counts:]] for r in rows[:-1]])
        else:
            _print(console, title, [headers], rows)
    title = "Agreement per facet (single) and per code (multi: present/absent), 95% CI"
    headers = methods.coefficient_headers(out)
    rows = [cells for _, cells in methods.coefficient_rows(out)]
    if narrow:
        _print_split(console, title, headers, rows)
    else:
        _print(console, title, [headers], rows)
    if out.get("pairs"):
        _print(console, "Pairs of coders", [["pair", "variable", "n", "%", "κ", "α", "AC1"]],
               methods.pair_rows(out))
    for line in methods.warnings(out):
        console.print(f"[yellow]warning:[/] {line}", highlight=False)
    _print_disagreements(console, out)
    console.print(methods.ADVICE, style="dim", highlight=False)


def _print(console: Any, title: str, headers: list[list[str]], rows: list[list[str]]) -> None:
    """A table with the first column (and "reading", "pair", "variable") left-aligned."""
    from rich.table import Table

    table = Table(title=title)
    for i, col in enumerate(headers[0]):
        left = i == 0 or col in ("reading", "pair", "variable")
        table.add_column(col, justify="left" if left else "right", overflow="fold")
    for row in rows:
        table.add_row(*row)
    console.print(table)


def _print_split(console: Any, title: str, headers: list[str], rows: list[list[str]]) -> None:
    """For a narrow terminal: the coefficients with their interval on a second line, and the
    reading (the last column) as a line of its own under the table, numbered to its row."""
    cells = [[f"{i}. {r[0]}", *(c.replace(" [", "\n[", 1) for c in r[1:-1])]
             for i, r in enumerate(rows, 1)]
    _print(console, title, [headers[:-1]], cells)
    for i, row in enumerate(rows, 1):
        if row[-1]:
            console.print(f"  {i}. {headers[-1]}: {row[-1]}", highlight=False)


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
