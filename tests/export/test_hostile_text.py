"""Hostile quote and memo text from a PDF must come out as text in every writer.

A cell starting with ``=``, ``+``, ``-`` (not a number) or ``@`` is a formula to a
spreadsheet; Markdown passes raw HTML to its renderer. Each writer is checked on its
own file, and the xlsx text must survive a round trip through openpyxl unchanged.
"""

from __future__ import annotations

import csv
import json
import re

import openpyxl
import pytest

from coder.export.safe import is_formula_like, markdown_text, spreadsheet_text

FORMULA = '=HYPERLINK("http://evil.example","klik")'
CMD = "@SUM(1+1)*cmd|' /C calc'!A0"
SCRIPT = "<script>alert(1)</script> en <img src=x onerror=alert(2)>"
MEMO = "-2+3 <b>vet</b>"


@pytest.fixture
def hostile(coded):
    q1, q2 = [r[0] for r in coded.execute("SELECT id FROM quotes ORDER BY id")]
    coded.execute("UPDATE quotes SET text = ? WHERE id = ?", [FORMULA, q1])
    coded.execute("UPDATE quotes SET text = ? WHERE id = ?", [SCRIPT, q2])
    coded.execute("UPDATE codings SET memo = ? WHERE quote_id = ?", [MEMO, q1])
    coded.execute("UPDATE documents SET title = ?", [CMD])
    coded.execute("UPDATE codes SET label = '+verbinding' WHERE key = 'verbinding'")
    coded.conn.commit()
    return coded


@pytest.mark.parametrize(("text", "risky"), [
    ("=1+1", True), ("+31 6 1234", True), ("-2+3", True), ("@SUM(A1)", True), ("\tx", True),
    ("\r=x", True), ("-12", False), ("+3,5", False), ("-0.25", False), ("Het wijkteam", False),
    ("", False)])
def test_formula_rule(text, risky):
    assert is_formula_like(text) is risky
    assert spreadsheet_text(text) == ("'" + text if risky else text)


def test_markdown_text_lets_no_html_or_link_through():
    out = markdown_text(SCRIPT + " [x](javascript:alert(1)) a|b\nc")
    assert "<" not in out and "\n" not in out and "a\\|b" in out
    assert not re.search(r"(?<!\\)\]\(", out)  # no unescaped link syntax


@pytest.mark.parametrize("excel", [False, True])
def test_csv_cells_are_neutralised(hostile, run, tmp_path, excel):
    out = tmp_path / "q.csv"
    args = ["--excel"] if excel else []
    assert run("export", "quotes", "--coder", "anna", "--keys", *args, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";" if excel else ","))
    by_quote = {r["quote"]: r for r in rows}
    assert "'" + FORMULA in by_quote and SCRIPT in by_quote
    first = by_quote["'" + FORMULA]
    assert first["memo"] == "'" + MEMO and first["document"] == "'" + CMD
    for row in rows:
        assert not any(is_formula_like(v) for v in row.values())


def test_xlsx_keeps_the_exact_text_as_text(hostile, run, tmp_path):
    out = tmp_path / "q.xlsx"
    assert run("export", "quotes", "--coder", "anna", "--keys", "-o", out).exit_code == 0
    sheet = openpyxl.load_workbook(out)["Quotes"]
    header = [c.value for c in sheet[1]]
    cells = {(r, header[c.column - 1]): c for r, row in enumerate(sheet.iter_rows(min_row=2)) for c in row}
    quotes = {cells[(r, "quote")].value for r in range(sheet.max_row - 1)}
    assert quotes == {FORMULA, SCRIPT}
    for cell in cells.values():
        if isinstance(cell.value, str) and is_formula_like(cell.value):
            assert cell.data_type == "s" and cell.quotePrefix, cell.value
    memo = next(cells[(r, "memo")] for r in range(sheet.max_row - 1) if cells[(r, "memo")].value)
    assert memo.value == MEMO


def test_json_is_data_and_keeps_the_text_verbatim(hostile, run, tmp_path):
    out = tmp_path / "q.json"
    assert run("export", "quotes", "--coder", "anna", "-o", out).exit_code == 0
    assert {r["quote"] for r in json.loads(out.read_text(encoding="utf-8"))} == {FORMULA, SCRIPT}


@pytest.mark.parametrize(("command", "suffix"), [("quotes", "md"), ("quotes", "html"),
                                                 ("sections", "md"), ("sections", "html")])
def test_markdown_and_html_pass_no_raw_html(hostile, run, tmp_path, command, suffix):
    out = tmp_path / f"out.{suffix}"
    assert run("export", command, "--coder", "anna", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8").lower()
    assert "<script" not in text and "<img" not in text and "<b>" not in text
    assert "alert(1)" in text  # the words are still there, as text


def test_docx_keeps_the_text(hostile, run, tmp_path):
    from docx import Document

    hostile.execute("UPDATE quotes SET text = text || char(11) WHERE text = ?", [SCRIPT])
    hostile.conn.commit()
    out = tmp_path / "s.docx"
    assert run("export", "sections", "--coder", "anna", "-o", out).exit_code == 0
    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert FORMULA in body and SCRIPT in body


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_matrix_labels_are_neutralised(hostile, run, tmp_path, suffix):
    out = tmp_path / f"m.{suffix}"
    assert run("export", "matrix", "--coder", "anna", "-o", out).exit_code == 0
    if suffix == "csv":
        cells = [c for row in csv.reader(out.open(encoding="utf-8")) for c in row]
        assert "'+verbinding" in cells
    else:
        sheet = openpyxl.load_workbook(out).worksheets[0]
        cell = next(c for row in sheet.iter_rows() for c in row if c.value == "+verbinding")
        assert cell.quotePrefix


def test_report_escapes_quote_text(hostile, run, tmp_path):
    out = tmp_path / "r.html"
    assert run("report", "--coder", "anna", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8").lower()
    assert "<script" not in text and "<img" not in text
