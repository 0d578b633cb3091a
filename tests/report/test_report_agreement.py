"""The report's agreement section shows the round's numbers as the database holds them."""

from coder.coding.coders import ensure_coder
from coder.coding.assign import code_quote, parse_assignment
from coder.report.agreement import agreement_sections
from coder.reliability.compare import project_agreement
from coder.reliability.rounds import create_round, lock_round


def code(db, quote, name, *assignments):
    coder, _ = ensure_coder(db, name)
    code_quote(db, quote, coder.id, [parse_assignment(a) for a in assignments])


def test_no_round_no_section(project):
    assert agreement_sections(project) == []


def test_section_has_the_side_by_side_goal_table_and_an_alpha_chart(project):
    q1, q2 = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    code(project, q1, "anna", "transformatiedoel=normaliseren", "valentie=positief")
    code(project, q2, "anna", "transformatiedoel=normaliseren", "valentie=negatief")
    code(project, q1, "bram", "transformatiedoel=normaliseren", "valentie=positief")
    code(project, q2, "bram", "transformatiedoel=eerder_juiste_hulp", "valentie=negatief")
    create_round(project, "r1")
    lock_round(project, "r1")
    [html] = agreement_sections(project)
    assert "ronde r1" in html and "<svg" in html
    expected = project_agreement(project, "anna", "bram")
    goal = next(g for g in expected["goals"] if g["goal"] == "normaliseren")
    counts = "".join(f"<td class=n>{goal['counts'][c][k]}</td>" for c in ("anna", "bram")
                     for k in ("positive", "negative", "neutral", "total"))
    assert f"<tr><td>normaliseren</td>{counts}" in html and "<tr><td>Total</td>" in html
    assert "Welke coëfficiënt te rapporteren" in html and "too few quotes (n = 2)" in html
    alpha = expected["facets"]["valentie"]["metrics"]["krippendorff_alpha"]["value"]
    assert f"<tr><td>Valentie</td><td class=n>{alpha:.3f}</td>" in html
