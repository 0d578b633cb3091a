"""The HTML report shows what the database holds, for any project."""

from __future__ import annotations

import re
from datetime import date

from coder.coding.assign import code_quote, parse_assignment
from coder.coding.coders import ensure_coder
from coder.export.labels import Labels, project_labels
from coder.ingest.indicators import add_indicator
from coder.quotes.store import list_quotes
from coder.report import data
from coder.report.build import build_report, report_layer
from coder.report.html import render


def code(db, quote_id, coder, *texts):
    code_quote(db, quote_id, coder, [parse_assignment(t) for t in texts])


def coded_project(project):
    anna = ensure_coder(project, "anna")[0]
    first, second = (q["id"] for q in list_quotes(project))
    code(project, first, anna, "transformatiedoel=normaliseren", "valentie=positief", "drie_vs+=vertrouwen")
    code(project, second, anna, "transformatiedoel=normaliseren", "valentie=negatief")
    return anna


def test_goal_counts_match_the_codings(project):
    anna = coded_project(project)
    rows = {r.key: r for r in data.goals(project, anna)}
    assert (rows["normaliseren"].positive, rows["normaliseren"].negative) == (1, 1)
    assert rows["preventie_eigen_kracht"].positive == 0
    assert rows["normaliseren"].examples[0]["citation"] == "(Dalem 2021, p. 1)"


def test_ranked_codes_count_quotes_and_documents(project):
    anna = coded_project(project)
    top = data.ranked(project, anna, "drie_vs")[0]
    assert (top.key, top.quotes, top.documents) == ("vertrouwen", 1, 1)


def test_report_is_self_contained_and_shows_the_numbers(project):
    anna = coded_project(project)
    add_indicator(project, 1, "rapportcijfer", 7.7, 9892)
    html = render(project, anna, project_labels(project), today=date(2026, 3, 1))
    assert not re.search(r"(src|href)=\"?https?:", html)
    assert "<svg" in html and "<table>" in html
    assert "7,7" in html and "9.892" in html and "1 maart 2026" in html
    assert "nam me serieus" in html  # an example quote


def test_user_text_is_escaped(project):
    anna = coded_project(project)
    project.execute("UPDATE documents SET title = '<script>x</script>'")
    assert "<script>" not in render(project, anna, Labels())


def test_report_shows_labels_for_codes_and_document_metadata(project):
    anna = coded_project(project)
    project.execute("UPDATE codes SET label = 'Normaliseren en de-medicaliseren' WHERE key = 'normaliseren'")
    html = render(project, anna, project_labels(project))
    assert "<td>Jaarverslag</td>" in html and "<td>jaarverslag</td>" not in html
    assert "<td>Integraal</td>" in html and "Normaliseren en de-medicaliseren" in html
    keys = render(project, anna, project_labels(project, keys=True))
    assert "<td>jaarverslag</td>" in keys and "<td>normaliseren</td>" in keys


def test_english_report(project):
    anna = coded_project(project)
    add_indicator(project, 1, "rapportcijfer", 7.7, 9892)
    html = render(project, anna, project_labels(project, "en"), today=date(2026, 3, 1))
    assert "<html lang=en>" in html and "Corpus composition" in html and "Transformation goals" in html
    assert "7.7" in html and "9,892" in html and "1 March 2026" in html and "Annual report" in html


def _report(db, labels):
    """The report as `coder report` makes it without naming a layer, and the layer it shows."""
    layer, missing = report_layer(db, labels)
    return build_report(db, labels, layer, missing=missing), layer


def test_report_without_codings_keeps_corpus_and_indicators(project):
    add_indicator(project, 1, "rapportcijfer", 7.7, 9892)
    html, layer = _report(project, project_labels(project))
    assert layer is None
    assert "Samenstelling van het corpus" in html and "Cliëntervaringen" in html and "7,7" in html
    assert "Nog geen gecodeerde quotes" in html and "Nog geen dubbele codering" in html


def test_report_with_two_coders_and_no_consensus_says_to_choose(project):
    coded_project(project)
    bram = ensure_coder(project, "bram")[0]
    code(project, list_quotes(project)[0]["id"], bram, "transformatiedoel=normaliseren", "valentie=positief")
    html, layer = _report(project, project_labels(project))
    assert layer is None and "Meerdere codeurs hebben gecodeerd (anna, bram)" in html
    assert "anna en bram codeerden beiden 1 quotes" in html  # agreement still shown


def test_empty_project_renders(db_path):
    from coder.store.db import connect

    html, _ = _report(connect(db_path), Labels())
    assert "Er zijn nog geen documenten" in html and "Nog geen cijfers" in html


def test_cli_report_on_a_project_without_codings(project, run, tmp_path):
    out = tmp_path / "r.html"
    result = run("report", "-o", out, db_path=project_path(project))
    assert result.exit_code == 0, result.output
    assert "no codings shown" in result.output and "Samenstelling" in out.read_text(encoding="utf-8")


def project_path(db):
    return db.execute("PRAGMA database_list").fetchone()[2]
