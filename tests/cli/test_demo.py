"""`coder demo --no-tui`: the README's main job on the bundled corpus."""

import json

import pytest


@pytest.mark.slow
def test_demo_builds_the_corpus_with_indicators_and_is_idempotent(run):
    first = run("demo", "--no-tui")
    assert first.exit_code == 0, first.stderr
    assert "documents: 8" in first.output
    pooled = json.loads(run("indicators", "--json").output)
    overall = {p["indicator"]: p for p in pooled if p["team_type"] is None}
    assert "rapportcijfer" in overall and overall["rapportcijfer"]["n"] > 0
    again = run("demo", "--no-tui")
    assert again.exit_code == 0 and "documents: 8" in again.output
    assert json.loads(run("indicators", "--json").output) == pooled
