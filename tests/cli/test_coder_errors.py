"""Which error a user meets first when a command names coders: pinned, so that resolving
names into `Coder` objects at the API boundary (issue 14) changes neither the order nor
the wording. Each case names one fault the user made (an unknown coder, a bad facet, an
open blind round); where two faults meet, the one reported today stays first."""

import pytest

UNKNOWN = "coder: error: unknown coder 'nobody' (known: anna, bram)\n"
BLIND = ("coder: error: round 'r1' is open and its coders code blind: lock it first (coder round lock r1), "
         "or, if you are not one of its coders, say who you are (see --by)\n")


@pytest.fixture
def coded(project, run, monkeypatch):
    """anna and bram each coded the first quote; round r2 (no members) holds it, still open."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = project.execute("SELECT MIN(id) FROM quotes").fetchone()[0]
    assert run("code", q, "--coder", "anna", "valentie=positief").exit_code == 0
    assert run("code", q, "--coder", "bram", "valentie=negatief").exit_code == 0
    assert run("round", "create", "r2", "--quotes", q).exit_code == 0
    return q


def _run(run, tmp_path, quote, args):
    return run(*[a.replace("{tmp}", str(tmp_path)).replace("{q}", str(quote)) for a in args])


@pytest.mark.parametrize(("args", "expected"), [
    (["agree", "--coders", "anna,nobody"], UNKNOWN),
    (["agree", "--coders", "nobody,anna"], UNKNOWN),
    (["agree", "--coders", "anna,bram,nobody"], UNKNOWN),
    (["agree", "--coders", "anna,anna"], "coder: error: choose different coders\n"),
    (["agree", "--round", "r2", "--coders", "anna,nobody"],
     "coder: error: round 'r2' is still open; lock it first (coder round lock r2)\n"),
    (["adjudicate", "queue", "--coders", "anna,nobody"], UNKNOWN),
    (["adjudicate", "agreed", "--coders", "nobody,anna"], UNKNOWN),
    (["adjudicate", "resolve", "{q}", "valentie", "--coders", "anna,nobody", "--pick", "a"], UNKNOWN),
    (["adjudicate", "resolve", "{q}", "nofacet", "--coders", "anna,nobody", "--pick", "a"],
     "coder: error: unknown facet 'nofacet' (facets: transformatiedoel, valentie, drie_vs)\n"),
    (["export", "ratings", "--coders", "anna,nobody", "--variable", "valentie", "-o", "{tmp}/r.csv"],
     UNKNOWN),
    (["export", "codings", "--coder", "nobody", "-o", "{tmp}/n.codings"], UNKNOWN),
    (["export", "codings", "--coder", "nobody", "-o", "{tmp}/project.db"],
     "coder: error: {tmp}/project.db: is the open project (or its journal); choose another output file\n"),
    (["export", "codings", "--coder", "nobody", "-o", "{tmp}/no/n.codings"],
     "coder: error: {tmp}/no/n.codings: folder {tmp}/no does not exist\n"),
    (["export", "quotes", "--coder", "nobody", "-o", "{tmp}/q.csv"], UNKNOWN),
    (["report", "--coder", "nobody", "-o", "{tmp}/r.html"], UNKNOWN),
    (["tui", "--agree", "anna,nobody"], UNKNOWN),
])
def test_an_unknown_coder_is_named_in_one_line(run, coded, tmp_path, args, expected):
    result = _run(run, tmp_path, coded, args)
    assert (result.exit_code, result.stderr) == (2, expected.replace("{tmp}", str(tmp_path)))
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".csv", ".codings", ".html")]


@pytest.mark.parametrize(("args", "expected"), [
    (["agree", "--coders", "anna,nobody"], BLIND),
    (["agree", "--coders", "nobody,bram"], BLIND),
    (["agree", "--coders", "Anna,bram"], BLIND),
    (["adjudicate", "queue", "--coders", "anna,nobody"], BLIND),
    (["adjudicate", "agreed", "--coders", "anna,nobody"], BLIND),
    (["adjudicate", "resolve", "{q}", "valentie", "--coders", "anna,nobody", "--pick", "a"], BLIND),
    (["adjudicate", "resolve", "{q}", "nofacet", "--coders", "anna,bram", "--pick", "a"], BLIND),
    (["export", "ratings", "--coders", "anna,nobody", "--variable", "valentie", "-o", "{tmp}/r.csv"], BLIND),
    (["tui", "--agree", "anna,nobody", "--coder", "bram"], BLIND),
    (["export", "codings", "--coder", "Anna", "--by", "bram", "-o", "{tmp}/n.codings"],
     "coder: error: Anna's codings include the open round 'r1', which its coders code blind; only Anna "
     "or someone outside the round, saying who they are, can see them (see --by)\n"),
    (["export", "codings", "--coder", "nobody", "--by", "bram", "-o", "{tmp}/n.codings"], UNKNOWN),
    (["agree", "--coders", "anna,nobody", "--by", "chris"], UNKNOWN),
    (["report", "--coder", "nobody", "--by", "bram", "-o", "{tmp}/r.html"], UNKNOWN),
])
def test_the_blind_round_refusal_comes_where_it_came(run, open_round, tmp_path, args, expected):
    """A member of an open round named beside an unknown coder: the refusal comes first,
    since it is decided on the names given; for an outsider the unknown name is the error."""
    result = _run(run, tmp_path, open_round[0], args)
    assert (result.exit_code, result.stderr) == (2, expected)
