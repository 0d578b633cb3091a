"""Blind coding in one shared project file: while a round is open, bram cannot reach anna's
codes or memos on its quotes through any command that shows codings."""

import json

import pytest

from tests.cli.conftest import SECRET


def test_quotes_show_a_member_only_their_own_codings(run, open_round):
    for args in (["--coder", "bram"], [], ["--by", "bram"]):
        result = run("quotes", "--json", *args)
        assert result.exit_code == 0
        assert "anna" not in result.stdout and SECRET not in result.stdout
        assert "held back" in result.stderr
    mine = json.loads(run("quotes", "--json", "--coder", "bram").stdout)
    assert [c["code"] for r in mine for c in r["codings"]] == ["positief"]
    outsider = run("quotes", "--json", "--by", "chris").stdout
    assert SECRET in outsider and "bram" in outsider


@pytest.mark.parametrize("command", [
    ["agree", "--coders", "anna,bram"],
    ["agree", "--coders", "anna,bram", "--by", "bram"],
    ["adjudicate", "queue", "--coders", "anna,bram"],
    ["adjudicate", "agreed", "--coders", "anna,bram", "--by", "bram"],
    ["export", "ratings", "--coders", "anna,bram", "--variable", "valentie", "-o", "{tmp}/r.csv"],
    ["export", "quotes", "--coder", "anna", "-o", "{tmp}/q.csv"],
    ["export", "quotes", "--coder", "anna", "--by", "bram", "-o", "{tmp}/q.csv"],
    ["export", "sections", "--coder", "anna", "--by", "bram", "-o", "{tmp}/s.md"],
    ["export", "codings", "--coder", "anna", "--by", "bram", "-o", "{tmp}/a.codings"],
    ["export", "qdpx", "--by", "bram", "-o", "{tmp}/p.qdpx"],
    ["report", "--coder", "anna", "--by", "bram", "-o", "{tmp}/r.html"],
    ["tui", "--agree", "anna,bram", "--coder", "bram"],
])
def test_commands_refuse_a_members_codings_while_the_round_is_open(run, open_round, tmp_path, command):
    result = run(*[part.replace("{tmp}", str(tmp_path)) for part in command])
    assert result.exit_code == 2, result.stdout
    assert "r1" in result.stderr and SECRET not in result.stdout
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".csv", ".md", ".codings", ".qdpx", ".html")]


def test_outsiders_and_the_coder_herself_may_look(run, open_round, tmp_path):
    assert run("agree", "--coders", "anna,bram", "--by", "chris", "--json").exit_code == 0
    assert run("export", "quotes", "--coder", "anna", "--by", "anna", "-o", tmp_path / "a.csv").exit_code == 0
    assert run("export", "codings", "--coder", "anna", "-o", tmp_path / "a.codings").exit_code == 0


def test_after_locking_the_comparison_opens(run, open_round):
    assert run("round", "lock", "r1", "--force").exit_code == 0
    result = run("agree", "--coders", "anna,bram", "--round", "r1", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["units"] == 1


def test_a_member_sees_the_others_manual_quotes_only_inside_the_round(run, project, open_round):
    assert run("quote", "add", "1", "0", "31", "--coder", "anna").exit_code == 0
    mine = {r["id"] for r in json.loads(run("quotes", "--json", "--coder", "bram").stdout)}
    assert mine == set(open_round)
    everyone = {r["id"] for r in json.loads(run("quotes", "--json", "--by", "chris").stdout)}
    assert len(everyone) == len(open_round) + 1


def test_the_agreement_screen_opens_for_an_outsider(run, open_round, monkeypatch):
    import coder.tui.app

    opened = []
    monkeypatch.setattr(coder.tui.app, "run_app", lambda *args: opened.append(args))
    assert run("tui", "--agree", "anna,bram", "--by", "chris").exit_code == 0
    assert opened and opened[0][2] == ("anna", "bram")
