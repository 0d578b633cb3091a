"""`coder export quotes|sections|matrix` on a small coded project."""

import csv
import json

import openpyxl
import pytest

from coder.export.rows import FIXED_HEAD, FIXED_TAIL

FACETS = ["transformatiedoel", "valentie", "drie_vs"]


def test_quotes_csv_has_the_fixed_columns_and_one_row_per_coded_quote(coded, run, tmp_path):
    out = tmp_path / "q.csv"
    result = run("export", "quotes", "--coder", "anna", "--keys", "-o", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == list(FIXED_HEAD) + FACETS + list(FIXED_TAIL)
    assert len(rows) == 2
    first = rows[0]
    assert first["citation"] == "(Dalem 2021, p. 1)"
    assert (first["transformatiedoel"], first["valentie"], first["drie_vs"]) == (
        "normaliseren", "positief", "vertrouwen")
    assert first["memo"] == "sterk citaat" and first["coder"] == "anna"


def test_excel_csv_uses_bom_and_semicolons(coded, run, tmp_path):
    out = tmp_path / "q.csv"
    run("export", "quotes", "--coder", "anna", "--excel", "-o", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.splitlines()[0].count(b";") >= 10


def test_wide_adds_a_zero_one_column_per_code(coded, run, tmp_path):
    out = tmp_path / "q.json"
    run("export", "quotes", "--coder", "anna", "--wide", "-o", out)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert rows[0]["drie_vs:vertrouwen"] == 1 and rows[1]["drie_vs:vertrouwen"] == 0


def test_filters_keep_matching_quotes(coded, run, tmp_path):
    out = tmp_path / "q.json"
    run("export", "quotes", "--coder", "anna", "--valence", "negatief", "-o", out)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["transformatiedoel"] for r in rows] == ["eerder_juiste_hulp"]
    bad = run("export", "quotes", "--coder", "anna", "--goal", "nergens", "-o", out)
    assert bad.exit_code == 2 and "unknown code 'nergens'" in bad.stderr


def test_xlsx_has_frozen_header_filter_and_a_sheet_per_goal(coded, run, tmp_path):
    out = tmp_path / "q.xlsx"
    assert run("export", "quotes", "--coder", "anna", "--keys", "-o", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Quotes", "normaliseren", "eerder_juiste_hulp"]
    sheet = book["Quotes"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.cell(1, 1).value == "quote_id" and sheet.max_row == 3


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_quote_tables_as_markdown_and_html(coded, run, tmp_path, fmt):
    out = tmp_path / f"q.{fmt}"
    assert run("export", "quotes", "--coder", "anna", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "normaliseren" in text and "Dalem 2021" in text


def test_default_layer_needs_a_choice_when_two_coders_coded(coded, run, tmp_path):
    result = run("export", "quotes", "-o", tmp_path / "q.csv")
    assert result.exit_code == 2 and "; name one (see --coder)" in result.stderr
    assert not (tmp_path / "q.csv").exists()


def test_sections_group_by_goal_valence_and_element(coded, run, tmp_path):
    out = tmp_path / "s.md"
    assert run("export", "sections", "--coder", "anna", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "## normaliseren (1)" in text and "### positief (1)" in text
    assert "(Dalem 2021, p. 1)" in text


def test_sections_as_docx(coded, run, tmp_path):
    from docx import Document

    out = tmp_path / "s.docx"
    assert run("export", "sections", "--coder", "anna", "-o", out).exit_code == 0
    headings = [p.text for p in Document(str(out)).paragraphs if p.style.name.startswith("Heading")]
    assert "normaliseren (1)" in headings


def test_matrix_counts_quotes_and_documents_per_kind(coded, run, tmp_path):
    out = tmp_path / "m.csv"
    assert run("export", "matrix", "--coder", "anna", "--keys", "-o", out).exit_code == 0
    rows = {r["code"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["normaliseren"]["quotes"] == "1"
    assert rows["normaliseren"]["doc_type=jaarverslag:quotes"] == "1"
    assert rows["normaliseren"]["doc_type=jaarverslag:documents"] == "1"
    assert rows["vertrouwen"]["team_type=integraal:quotes"] == "1"
    assert rows["verbinding"]["quotes"] == "0"
