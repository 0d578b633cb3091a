"""Citations in the study's style, with secondary quotation (hand-written gold)."""

import csv

import pytest

from coder.export.citation import citation, same_source
from coder.export.origin import quote_origin, quote_text
from tests.conftest import add_text_document

REVIEW = {"title": "Wijkteams in beeld", "year": 2020, "doc_type": "landelijk_onderzoek"}


def test_citation_uses_title_and_page():
    doc = {"title": "Jaarverslag Wijkteams Arnhem 2020", "year": 2020}
    assert citation(doc, 12) == "(Jaarverslag Wijkteams Arnhem 2020, p. 12)"


def test_citation_adds_missing_year_and_builds_a_title_from_metadata():
    assert citation({"title": "Evaluatie buurtteams", "year": 2019}) == "(Evaluatie buurtteams 2019)"
    assert citation({"doc_type": "rekenkameronderzoek", "organisation": "Rekenkamer Rotterdam",
                     "year": 2018}, 3) == "(Rekenkameronderzoek Rekenkamer Rotterdam 2018, p. 3)"


def test_secondary_quotation_names_the_original_source_then_where_it_was_found():
    source = "Jaarverslag OKT Amsterdam 2020"
    assert citation(REVIEW, 15, source=source) == \
        "(Jaarverslag OKT Amsterdam 2020, geciteerd in Wijkteams in beeld 2020, p. 15)"
    assert citation(REVIEW, 15, source=source, lang="en") == \
        "(Jaarverslag OKT Amsterdam 2020, cited in Wijkteams in beeld 2020, p. 15)"


@pytest.mark.parametrize(("source", "doc", "same"), [
    ("Jaarverslag Wijkteam Dalem 2021",
     {"title": "Dalem 2021", "year": 2021, "doc_type": "jaarverslag"}, True),
    ("Jaarverslag Wijkteams Arnhem 2020", {"title": "Jaarverslag Wijkteams Arnhem 2020", "year": 2020}, True),
    ("Rekenkamer Rotterdam, 2018",
     {"title": "Wijkteams onder de loep", "organisation": "Rekenkamer Rotterdam", "year": 2018,
      "doc_type": "rekenkameronderzoek"}, True),
    ("Jaarverslag Wijkteams Arnhem 2019",
     {"title": "Jaarverslag Wijkteams Arnhem 2020", "year": 2020}, False),
    ("Jaarverslag OKT Amsterdam 2020", REVIEW, False),
])
def test_same_source(source, doc, same):
    assert same_source(source, doc) is same


@pytest.mark.parametrize(("quote", "origin"), [
    ({"speaker": "inwoner", "attribution": "aldus een inwoner"}, ("inwoner", None)),
    ({"attribution": "professional in onderzoek van Rekenkamer Rotterdam, 2018"},
     ("professional", "Rekenkamer Rotterdam, 2018")),
    ({"speaker": "moeder", "source": "Jaarverslag Wijkteams Arnhem 2021",
      "attribution": "moeder, Jaarverslag Wijkteams Arnhem 2021"},
     ("moeder", "Jaarverslag Wijkteams Arnhem 2021")),
    ({"text": "We gingen samen naar het Vondelpark” (Jaarverslag OKT Amsterdam 2020)."},
     (None, "Jaarverslag OKT Amsterdam 2020")),
    ({"text": "Het wijkteam (de coach) hielp"}, (None, None)),
])
def test_quote_origin_is_role_and_source(quote, origin):
    assert quote_origin(quote) == origin


def test_quote_text_drops_marks_and_a_trailing_source_only():
    assert quote_text("„We gingen naar het Vondelpark” (Jaarverslag OKT Amsterdam 2020).") == \
        "We gingen naar het Vondelpark"
    assert quote_text("Het wijkteam (de coach) hielp (soms)") == "Het wijkteam (de coach) hielp (soms)"


REVIEW_TEXT = (
    "Wijkteams in beeld\n\n"
    "Uit de jaarverslagen blijkt: „Ouders vinden het wijkteam snel.” (Jaarverslag OKT Amsterdam 2020)\n\n"
    "Een wijkcoach zegt: „We kennen de school goed.”\n"
)


@pytest.fixture
def review(project, run):
    doc = add_text_document(project, REVIEW_TEXT, title="Wijkteams in beeld")
    project.execute("UPDATE documents SET year = 2020, doc_type = 'landelijk_onderzoek' WHERE id = ?", [doc])
    project.conn.commit()
    ids = [r[0] for r in project.execute("SELECT id FROM quotes WHERE doc_id = ? ORDER BY start", [doc])]
    for quote in ids:
        assert run("code", quote, "--coder", "anna", "transformatiedoel=eerder_juiste_hulp",
                   "valentie=positief").exit_code == 0
    return ids


def test_quote_table_has_speaker_source_and_document(review, run, tmp_path):
    out = tmp_path / "q.csv"
    assert run("export", "quotes", "--keys", "-o", out).exit_code == 0
    rows = {r["quote"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    cited = rows["Ouders vinden het wijkteam snel."]
    assert (cited["speaker"], cited["source"], cited["document"]) == \
        ("", "Jaarverslag OKT Amsterdam 2020", "Wijkteams in beeld")
    assert cited["citation"] == "(Jaarverslag OKT Amsterdam 2020, geciteerd in Wijkteams in beeld 2020, p. 1)"
    own = rows["We kennen de school goed."]
    assert (own["speaker"], own["source"]) == ("wijkcoach", "")
    assert own["citation"] == "(Wijkteams in beeld 2020, p. 1)"


def test_sections_name_the_source_once(review, project, run, tmp_path):
    project.execute("UPDATE quotes SET text = ? WHERE id = ?",
                    ["We gingen samen naar het Vondelpark” (Jaarverslag OKT Amsterdam 2020).", review[0]])
    project.conn.commit()
    out = tmp_path / "s.md"
    assert run("export", "sections", "--keys", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "Vondelpark" in x)
    assert line.count("Jaarverslag OKT Amsterdam 2020") == 1
    assert "Vondelpark” (Jaarverslag OKT Amsterdam 2020, geciteerd in Wijkteams in beeld 2020, p. 1)" in line


def test_english_export_cites_in_english(review, run, tmp_path):
    out = tmp_path / "q.csv"
    assert run("export", "quotes", "--lang", "en", "-o", out).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    cited = "(Jaarverslag OKT Amsterdam 2020, cited in Wijkteams in beeld 2020, p. 1)"
    assert cited in {r["Citation"] for r in rows}
    assert {r["Document type"] for r in rows} == {"National study"}
