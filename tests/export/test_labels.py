"""Exports show labels by default, keys with --keys, and JSON always keys."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from coder.export.labels import Labels, project_labels, sheet_names

GOAL_LABEL = "Eerder de juiste hulp op maat: snel/laagdrempelig [kern]"


@pytest.fixture
def labelled(coded):
    coded.execute("UPDATE codes SET label = ? WHERE key = 'eerder_juiste_hulp'", [GOAL_LABEL])
    coded.execute("UPDATE codes SET label = 'Normaliseren en de-medicaliseren' WHERE key = 'normaliseren'")
    coded.execute("UPDATE codes SET label = 'Positief' WHERE key = 'positief'")
    coded.execute("UPDATE codes SET label = 'Vertrouwen' WHERE key = 'vertrouwen'")
    coded.conn.commit()
    return coded


def read_csv(path, **kw):
    return list(csv.DictReader(path.open(encoding="utf-8", newline=""), **kw))


def test_csv_has_labelled_headers_and_values_and_stays_comma_utf8(labelled, run, tmp_path):
    out = tmp_path / "q.csv"
    assert run("export", "quotes", "--coder", "anna", "-o", out).exit_code == 0
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(out)
    first = rows[0]
    assert {"Citaat", "Bronvermelding", "Rol spreker", "Bron", "Document", "Transformatiedoel",
            "Drie V's", "Documenttype"} <= set(first)
    assert first["Transformatiedoel"] == "Normaliseren en de-medicaliseren"
    assert first["Valentie"] == "Positief" and first["Drie V's"] == "Vertrouwen"
    assert first["Documenttype"] == "Jaarverslag" and first["Type team"] == "Integraal"


def test_english_headers_with_lang_en(labelled, run, tmp_path):
    out = tmp_path / "q.csv"
    assert run("export", "quotes", "--coder", "anna", "--lang", "en", "-o", out).exit_code == 0
    first = read_csv(out)[0]
    assert {"Quote", "Citation", "Speaker role", "Source", "Document type"} <= set(first)
    assert first["Document type"] == "Annual report"


def test_json_uses_keys_even_without_keys_flag(labelled, run, tmp_path):
    out = tmp_path / "q.json"
    assert run("export", "quotes", "--coder", "anna", "-o", out).exit_code == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert rows[0]["transformatiedoel"] == "normaliseren" and rows[0]["doc_type"] == "jaarverslag"


def test_xlsx_sheets_are_named_by_goal_labels(labelled, run, tmp_path):
    out = tmp_path / "q.xlsx"
    assert run("export", "quotes", "--coder", "anna", "-o", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Citaten"
    assert book.sheetnames[1] == "Normaliseren en de-medicaliseren"[:31]
    assert book.sheetnames[2] == "Eerder de juiste hulp op maat-"  # no ':' or '/', 31 chars, trimmed
    sheet = book["Citaten"]
    header = [c.value for c in sheet[1]]
    assert header[0] == "Quote-nr." and "Transformatiedoel" in header
    assert sheet.cell(2, header.index("Transformatiedoel") + 1).value == "Normaliseren en de-medicaliseren"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markdown_and_html_tables_show_labels(labelled, run, tmp_path, fmt):
    out = tmp_path / f"q.{fmt}"
    assert run("export", "quotes", "--coder", "anna", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Normaliseren en de-medicaliseren" in text and "Citaat" in text and "normaliseren |" not in text


def test_sections_show_labels_or_keys(labelled, run, tmp_path):
    out = tmp_path / "s.md"
    assert run("export", "sections", "--coder", "anna", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "## Normaliseren en de-medicaliseren (1)" in text
    assert "### Positief (1)" in text and "# Citaten per transformatiedoel" in text
    assert run("export", "sections", "--coder", "anna", "--keys", "--lang", "en", "-o", out,
               "--force").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "## normaliseren (1)" in text and "# Quotes per transformation goal" in text


def test_matrix_shows_labels(labelled, run, tmp_path):
    out = tmp_path / "m.csv"
    assert run("export", "matrix", "--coder", "anna", "-o", out).exit_code == 0
    rows = {r["Code"]: r for r in read_csv(out)}
    row = rows["Normaliseren en de-medicaliseren"]
    assert row["Facet"] == "Transformatiedoel" and row["Quotes"] == "1"
    assert row["Documenttype: Jaarverslag (quotes)"] == "1"
    assert row["Type team: Integraal (documenten)"] == "1"


def test_one_place_maps_keys_to_labels(labelled):
    labels = project_labels(labelled)
    assert labels.code("normaliseren") == "Normaliseren en de-medicaliseren"
    assert labels.codes_cell("verbinding;vertrouwen") == "verbinding; Vertrouwen"
    assert labels.title("drie_vs:vertrouwen") == "Drie V's: Vertrouwen"
    assert labels.value("doc_type", "rekenkameronderzoek") == "Rekenkameronderzoek"
    keys = project_labels(labelled, keys=True)
    assert keys.code("normaliseren") == "normaliseren" and keys.title("quote") == "quote"
    assert Labels(lang="en").value("size_class", "<50k") == "< 50,000 inhabitants"


def test_sheet_names_are_valid_and_unique():
    assert sheet_names(["a/b", "x" * 40, "x" * 40, "Citaten", "citaten"]) == [
        "a-b", "x" * 31, "x" * 27 + " (2)", "Citaten", "citaten (2)"]


def test_unknown_language_is_an_input_error(labelled):
    from coder.errors import InputError

    with pytest.raises(InputError, match="unknown language 'fr'"):
        project_labels(labelled, "fr")


def test_a_facet_labelled_like_a_fixed_column_keeps_both_columns(labelled, run, tmp_path):
    labelled.execute("UPDATE facets SET label = 'Rol spreker' WHERE key = 'drie_vs'")
    labelled.conn.commit()
    out = tmp_path / "q.csv"
    assert run("export", "quotes", "--coder", "anna", "-o", out).exit_code == 0
    header = next(csv.reader(out.open(encoding="utf-8")))
    assert "Rol spreker (speaker)" in header and "Rol spreker (drie_vs)" in header
