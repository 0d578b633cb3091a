"""The HTML report shows what the database holds."""

from __future__ import annotations

import re

from coder.coding.coders import ensure_coder
from coder.coding.assign import code_quote, parse_assignment
from coder.ingest.indicators import add_indicator
from coder.quotes.store import list_quotes
from coder.report import data
from coder.report.html import render


def code(db, quote_id, coder, *texts):
    code_quote(db, quote_id, coder.id, [parse_assignment(t) for t in texts])


def coded_project(project):
    anna = ensure_coder(project, "anna")[0]
    first, second = (q["id"] for q in list_quotes(project))
    code(project, first, anna, "transformatiedoel=normaliseren", "valentie=positief", "drie_vs+=vertrouwen")
    code(project, second, anna, "transformatiedoel=normaliseren", "valentie=negatief")
    return anna


def test_goal_counts_match_the_codings(project):
    anna = coded_project(project)
    rows = {r.key: r for r in data.goals(project, anna.id)}
    assert (rows["normaliseren"].positive, rows["normaliseren"].negative) == (1, 1)
    assert rows["preventie_eigen_kracht"].positive == 0
    assert rows["normaliseren"].examples[0]["citation"] == "(Dalem 2021, p. 1)"


def test_ranked_codes_count_quotes_and_documents(project):
    anna = coded_project(project)
    top = data.ranked(project, anna.id, "drie_vs")[0]
    assert (top.key, top.quotes, top.documents) == ("vertrouwen", 1, 1)


def test_report_is_self_contained_and_shows_the_numbers(project):
    anna = coded_project(project)
    add_indicator(project, 1, "rapportcijfer", 7.7, 9892)
    html = render(project, anna.id, "anna")
    assert not re.search(r"(src|href)=\"?https?:", html)
    assert "<svg" in html and "<table>" in html
    assert "7.7" in html and "9.892" in html
    assert "nam me serieus" in html  # an example quote


def test_user_text_is_escaped(project):
    anna = coded_project(project)
    project.execute("UPDATE documents SET title = '<script>x</script>'")
    assert "<script>" not in render(project, anna.id, "anna")
