"""Agreement screen: the study's per-goal table (counts per coder, total row, agreement on
each goal), coefficients per facet and code with a reading for each, and the disagreeing
quotes of the selected row. `s` sorts by the next column; `j` opens the adjudication
queue; F1 explains the columns and readings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from coder.coding.coders import Coder
from coder.reliability import methods
from coder.reliability.compare import project_agreement
from coder.store.db import connect
from coder.tui.widgets.key_bar import KeyBar


def _number(cell: str) -> float | None:
    """The leading number of a cell ("0.62 [0.40, 0.85]" -> 0.62), for sorting."""
    try:
        return float(cell.split()[0])
    except (ValueError, IndexError):
        return None


class AgreementScreen(Screen[None]):
    BINDINGS = [
        Binding("s", "sort", "Sort", id="agreement-sort"),
        Binding("j", "adjudicate", "Adjudicate", id="agreement-adjudicate"),
        Binding("f1,question_mark", "legend", "Legend", id="agreement-legend"),
        Binding("escape", "app.pop_screen", "Back", id="agreement-back"),
    ]
    DEFAULT_CSS = """
    AgreementScreen #goals { height: auto; max-height: 12; }
    AgreementScreen #coefficients { height: 1fr; }
    AgreementScreen #disagreements { height: 12; border-top: solid $primary; }
    """

    def __init__(self, db_path: str | Path, coder_a: Coder, coder_b: Coder,
                 quotes: list[int] | None = None, result: dict[str, Any] | None = None) -> None:
        """`result` is `project_agreement`'s output when the caller has it already (it
        computes it first to report errors before the screen opens)."""
        super().__init__()
        self.db_path = Path(db_path)
        self.coder_a, self.coder_b = coder_a, coder_b
        self.quotes = quotes
        self.result: dict[str, Any] = result or {}
        self.rows: list[tuple[str, list[str]]] = []
        self.headers: list[str] = []
        self.sort_column = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="summary", markup=False)
        yield DataTable(id="goals", cursor_type="none")
        yield DataTable(id="coefficients", cursor_type="row")
        yield DataTable(id="disagreements", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.result:
            self.result = project_agreement(connect(self.db_path), self.coder_a, self.coder_b,
                                            quotes=self.quotes)
        a, b = self.coder_a.name, self.coder_b.name
        self.query_one("#summary", Static).update(
            f"{a} and {b} both coded {self.result['units']} quotes; "
            f"{len(self.result['disagreements'])} disagreement(s). Select a row: its disagreements. "
            "F1: what the columns and readings mean.")
        goals = self.query_one("#goals", DataTable)
        goals.add_columns(*methods.goal_headers(self.result))
        for row in methods.goal_rows(self.result):
            goals.add_row(*row)
        self.rows = methods.coefficient_rows(self.result)
        self.headers = methods.coefficient_headers(self.result)
        table = self.query_one("#coefficients", DataTable)
        table.add_columns(*self.headers)
        labels = self.result["labels"]
        self.query_one("#disagreements", DataTable).add_columns("quote", "document", "p.", "facet",
                                                                 a, b)
        self._labels = labels
        self.fill()
        table.focus()

    def fill(self) -> None:
        table = self.query_one("#coefficients", DataTable)
        table.clear()
        col = self.sort_column

        def key(row: tuple[str, list[str]]) -> tuple[bool, float]:
            value = _number(row[1][col])
            return (value is None, value if value is not None else 0.0)

        rows = sorted(self.rows, key=key) if col else self.rows
        for variable, cells in rows:
            table.add_row(*cells, key=variable)

    def action_sort(self) -> None:
        self.sort_column = (self.sort_column + 1) % (len(self.headers) - 1)
        self.notify(f"sorted by {self.headers[self.sort_column]}")
        self.fill()

    def action_legend(self) -> None:
        from coder.tui.screens.dialogs import Legend

        self.app.push_screen(Legend(methods.F1_LEGEND + "\n\n" + methods.ADVICE))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "coefficients" and event.row_key is not None:
            self.show_disagreements(str(event.row_key.value))

    def show_disagreements(self, variable: str) -> None:
        """Disagreements on a single facet, or on the facet holding a multi code."""
        facet = (variable if variable in self.result["facets"]
                 else self.result["codes"].get(variable, {}).get("facet"))
        table = self.query_one("#disagreements", DataTable)
        table.clear()
        for d in self.result["disagreements"]:
            if d["facet"] != facet:
                continue
            if variable in self.result["codes"] and (variable in d["a"]) == (variable in d["b"]):
                continue
            table.add_row(d["quote"], d["document"], d["page"], self._labels.get(d["facet"], d["facet"]),
                          ", ".join(self._labels.get(c, c) for c in d["a"]) or "-",
                          ", ".join(self._labels.get(c, c) for c in d["b"]) or "-")

    def action_adjudicate(self) -> None:
        from coder.tui.screens.adjudication import AdjudicationScreen

        self.app.push_screen(AdjudicationScreen(self.db_path, self.coder_a, self.coder_b, self.quotes))
