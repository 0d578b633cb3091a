"""Pooling client-experience indicators: sum(value × n) / sum(n), overall and per team type."""

from __future__ import annotations

import pytest

from coder.errors import InputError
from coder.ingest.indicators import add_indicator, import_indicators, pool, pooled_indicators
from tests.conftest import add_text_document


def test_pool_weights_each_survey_by_its_respondents():
    # by hand: (7.5*1000 + 8.0*3000) / 4000 = (7500 + 24000) / 4000 = 7.875
    assert pool([(7.5, 1000), (8.0, 3000)]) == (7.875, 4000)


def test_pooled_overall_and_per_team_type(project):
    jeugd = add_text_document(project, title="Jeugd 2020")
    project["documents"].update(jeugd, {"team_type": "jeugd"})
    integraal = project.execute("SELECT id FROM documents WHERE title = 'Dalem 2021'").fetchone()[0]
    add_indicator(project, integraal, "tijdigheid", 70, 300)
    add_indicator(project, jeugd, "tijdigheid", 80, 100)
    pooled = {(p.indicator, p.team_type): p for p in pooled_indicators(project)}
    assert pooled[("tijdigheid", None)].pooled == pytest.approx(72.5)  # (21000 + 8000) / 400
    assert pooled[("tijdigheid", None)].n == 400
    assert pooled[("tijdigheid", "jeugd")].pooled == 80


def test_adding_again_replaces_the_value(project):
    add_indicator(project, 1, "kwaliteit", 70, 100)
    add_indicator(project, 1, "kwaliteit", 75, 120)
    (pooled,) = pooled_indicators(project)[:1]
    assert (pooled.pooled, pooled.n) == (75, 120)


@pytest.mark.parametrize("indicator, value, n, message", [
    ("kwaliteit", 120, 10, "outside 0-100"),
    ("rapportcijfer", 11, 10, "outside 0-10"),
    ("kwaliteit", 50, 0, "positive number"),
    ("Kwa liteit!", 50, 10, "snake_case"),
])
def test_bad_values_are_refused(project, indicator, value, n, message):
    with pytest.raises(InputError, match=message):
        add_indicator(project, 1, indicator, value, n)


def test_csv_import_is_all_or_nothing(project, tmp_path):
    good = tmp_path / "ind.csv"
    good.write_text("file,indicator,value,n\nDalem 2021.pdf,helpt,76,500\n", encoding="utf-8")
    assert import_indicators(project, good) == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("file,indicator,value,n\nDalem 2021.pdf,passend,81,100\nonbekend.pdf,helpt,1,1\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv: line 3: unknown document"):
        import_indicators(project, bad)
    assert [p.indicator for p in pooled_indicators(project) if p.team_type is None] == ["helpt"]
