"""The report's agreement section shows the round's numbers as the database holds them."""

import re

from coder.coding.assign import code_quote, parse_assignment
from coder.coding.coders import ensure_coder, get_coder
from coder.export.labels import Labels, project_labels
from coder.export.numbers import number
from coder.reliability.compare import project_agreement
from coder.reliability.rounds import create_round, lock_round
from coder.report.agreement import agreement_sections


def code(db, quote, name, *assignments):
    coder, _ = ensure_coder(db, name)
    code_quote(db, quote, coder, [parse_assignment(a) for a in assignments])


def two_coders(project, *, round_name="r1"):
    q1, q2 = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    code(project, q1, "anna", "transformatiedoel=normaliseren", "valentie=positief")
    code(project, q2, "anna", "transformatiedoel=normaliseren", "valentie=negatief")
    code(project, q1, "bram", "transformatiedoel=normaliseren", "valentie=positief")
    code(project, q2, "bram", "transformatiedoel=eerder_juiste_hulp", "valentie=negatief")
    if round_name:
        create_round(project, round_name)
        lock_round(project, round_name)


def _anna_and_bram(project):
    return get_coder(project, "anna"), get_coder(project, "bram")


def test_no_double_coding_says_what_is_missing(project):
    [html] = agreement_sections(project)
    assert "Nog geen dubbele codering" in html and "coder round create" in html


def test_section_has_the_side_by_side_goal_table_and_an_alpha_chart(project):
    two_coders(project)
    [html] = agreement_sections(project, project_labels(project))
    assert "ronde r1" in html and "<svg" in html
    expected = project_agreement(project, *_anna_and_bram(project))
    goal = next(g for g in expected["goals"] if g["goal"] == "normaliseren")
    counts = "".join(f"<td class=n>{goal['counts'][c][k]}</td>" for c in ("anna", "bram")
                     for k in ("positive", "negative", "neutral", "total"))
    assert f"<tr><td>normaliseren</td>{counts}" in html and "<tr><td>Totaal</td>" in html
    assert "Welke coëfficiënt te rapporteren" in html and "te weinig quotes (n = 2)" in html
    alpha = expected["facets"]["valentie"]["metrics"]["krippendorff_alpha"]["value"]
    assert f"<tr><td>Valentie</td><td class=n>{number(alpha, 3)}</td>" in html


def test_english_section_reads_in_english(project):
    two_coders(project)
    [html] = agreement_sections(project, project_labels(project, "en"))
    assert "Reliability (round r1)" in html and "<tr><td>Total</td>" in html
    assert "too few quotes (n = 2)" in html and "Which coefficient to report" in html


def test_reliability_table_has_percent_kappa_ac1_and_alpha_with_an_explanation(project):
    two_coders(project)
    [html] = agreement_sections(project, project_labels(project))
    metrics = project_agreement(project, *_anna_and_bram(project))["facets"]["transformatiedoel"]["metrics"]
    pa, kappa, ac1, alpha = (metrics[k]["value"] for k in
                             ("percent_agreement", "cohen_kappa", "gwet_ac", "krippendorff_alpha"))
    row = re.search(r"<tr><td>Transformatiedoel</td>(.*?)</tr>", html).group(1)
    n, shown_pa, shown_kappa, shown_alpha, shown_ac1, _ = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert (n, shown_pa) == ("2", f"{number(pa * 100, 1)}%")
    assert shown_kappa.startswith(number(kappa, 3)) and shown_alpha.startswith(number(alpha, 3))
    assert shown_ac1.startswith(number(ac1, 3))
    assert "% overeenstemming" in html and "Cohens κ" in html and "Gwets AC1" in html
    assert "corrigeren" in html and "toeval" in html  # the explanation


def test_dutch_section_never_uses_a_decimal_point(project):
    two_coders(project)
    [html] = agreement_sections(project, project_labels(project))
    visible = re.sub(r"<[^>]+>", " ", html)
    assert not re.search(r"\d\.\d", visible), re.findall(r".{20}\d\.\d.{5}", visible)
    [english] = agreement_sections(project, Labels(lang="en"))
    assert not re.search(r"\d,\d", re.sub(r"<[^>]+>", " ", english))


def test_without_a_round_the_two_coders_who_share_quotes_are_compared(project):
    two_coders(project, round_name=None)
    [html] = agreement_sections(project)
    assert "<h2>Betrouwbaarheid</h2>" in html and "anna en bram codeerden beiden 2 quotes" in html


def test_agree_terminal_tables_show_labels_or_keys(project, run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # the methods table has a column per count and coefficient
    two_coders(project, round_name=None)
    project.execute("UPDATE codes SET label = 'Eerder de juiste hulp' WHERE key = 'eerder_juiste_hulp'")
    project.execute("UPDATE codes SET label = 'Normaliseren en de-medicaliseren' WHERE key = 'normaliseren'")
    project.conn.commit()
    shown = run("agree", "--coders", "anna,bram").output
    assert "│ Eerder de juiste hulp" in shown and "│ Valentie" in shown
    keys = run("agree", "--coders", "anna,bram", "--keys").output
    assert "│ eerder_juiste_hulp" in keys and "│ valentie" in keys
