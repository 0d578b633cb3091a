"""Agreement screen: the study's per-goal table, coefficients per facet and code, and the
disagreeing quotes of the selected row. `s` sorts by the next column; `j` opens the
adjudication queue."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from coder.agreement.interpret import band
from coder.store.db import connect
from coder.reliability.compare import project_agreement
from coder.tui.widgets.key_bar import KeyBar

COLUMNS = ("variable", "units", "percent", "Cohen κ", "α", "α 95% CI", "AC1", "reading")


def _value(metrics: dict, name: str) -> float | None:
    est = metrics.get(name)
    return est["value"] if est else None


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


class AgreementScreen(Screen):
    BINDINGS = [
        Binding("s", "sort", "Sort", id="agreement-sort"),
        Binding("j", "adjudicate", "Adjudicate", id="agreement-adjudicate"),
        Binding("escape", "app.pop_screen", "Back", id="agreement-back"),
    ]
    DEFAULT_CSS = """
    AgreementScreen #goals { height: auto; max-height: 12; }
    AgreementScreen #coefficients { height: 1fr; }
    AgreementScreen #disagreements { height: 12; border-top: solid $primary; }
    """

    def __init__(self, db_path: str | Path, coder_a: str, coder_b: str,
                 quotes: list[int] | None = None, result: dict | None = None) -> None:
        """`result` is `project_agreement`'s output when the caller has it already (it
        computes it first to report errors before the screen opens)."""
        super().__init__()
        self.db_path = Path(db_path)
        self.coder_a, self.coder_b = coder_a, coder_b
        self.quotes = quotes
        self.result: dict = result or {}
        self.rows: list[tuple] = []
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
        a, b = self.coder_a, self.coder_b
        self.query_one("#summary", Static).update(
            f"{a} and {b} both coded {self.result['units']} quotes; "
            f"{len(self.result['disagreements'])} disagreement(s). Enter/select a row: its disagreements.")
        goals = self.query_one("#goals", DataTable)
        goals.add_columns("goal", f"{a} +", f"{b} +", "Δ +", f"{a} −", f"{b} −", "Δ −")
        for g in self.result["goals"]:
            goals.add_row(g["goal"], g["a_positive"], g["b_positive"], f"{g['diff_positive']:+d}",
                          g["a_negative"], g["b_negative"], f"{g['diff_negative']:+d}")
        self.rows = []
        for key, entry in list(self.result["facets"].items()) + list(self.result["codes"].items()):
            m = entry["metrics"]
            alpha = m.get("krippendorff_alpha") or {}
            ci = alpha.get("ci95") or [None, None]
            self.rows.append((key, entry["units"], _value(m, "percent_agreement"), _value(m, "cohen_kappa"),
                              _value(m, "krippendorff_alpha"), ci, _value(m, "gwet_ac"),
                              band("krippendorff_alpha", _value(m, "krippendorff_alpha"))))
        table = self.query_one("#coefficients", DataTable)
        table.add_columns(*COLUMNS)
        self.query_one("#disagreements", DataTable).add_columns("quote", "document", "p.", "facet",
                                                                 self.coder_a, self.coder_b)
        self.fill()
        table.focus()

    def fill(self) -> None:
        table = self.query_one("#coefficients", DataTable)
        table.clear()
        col = self.sort_column

        def key(row):
            value = row[col]
            if isinstance(value, list):
                value = value[0]
            return (value is None, value if value is not None else 0)

        rows = sorted(self.rows, key=key) if col else self.rows
        for r in rows:
            ci = f"[{_fmt(r[5][0])}, {_fmt(r[5][1])}]"
            table.add_row(r[0], r[1], _fmt(r[2]), _fmt(r[3]), _fmt(r[4]), ci, _fmt(r[6]), r[7], key=r[0])

    def action_sort(self) -> None:
        self.sort_column = (self.sort_column + 1) % len(COLUMNS)
        self.notify(f"sorted by {COLUMNS[self.sort_column]}")
        self.fill()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "coefficients" and event.row_key is not None:
            self.show_disagreements(str(event.row_key.value))

    def show_disagreements(self, variable: str) -> None:
        """Disagreements on a single facet, or on the facet holding a multi code."""
        facet = variable if variable in self.result["facets"] else self.result["codes"].get(variable, {}).get("facet")
        table = self.query_one("#disagreements", DataTable)
        table.clear()
        for d in self.result["disagreements"]:
            if d["facet"] != facet:
                continue
            if variable in self.result["codes"] and (variable in d["a"]) == (variable in d["b"]):
                continue
            table.add_row(d["quote"], d["document"], d["page"], d["facet"],
                          ",".join(d["a"]) or "-", ",".join(d["b"]) or "-")

    def action_adjudicate(self) -> None:
        from coder.tui.screens.adjudication import AdjudicationScreen

        self.app.push_screen(AdjudicationScreen(self.db_path, self.coder_a, self.coder_b, self.quotes))
