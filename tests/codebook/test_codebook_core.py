"""Codebook loading, validation with line numbers, and syncing into a project."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.codebook import CodebookError, check_codebook, codebook_from_db, load_codebook, sync_codebook
from coder.coding.assign import code_quote, current_codings, parse_assignment
from coder.coding.coders import ensure_coder
from coder.errors import InputError
from coder.quotes.store import list_quotes
from coder.store.db import connect
from tests.conftest import add_text_document

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "codebook.yaml"

BASE = """\
name: test
version: "1"
facets:
  - key: valentie
    label: Valentie
    mode: single
    codes:
      - key: positief
        label: Positief
        keywords: [goed]
      - key: negatief
        label: Negatief
        keywords: [slecht]
  - key: drie_vs
    label: Drie V's
    mode: multi
    codes:
      - key: vertrouwen
        label: Vertrouwen
        keywords: [vertrouwen]
      - key: verbinding
        label: Verbinding
        keywords: [contact]
"""


def write(tmp_path: Path, text: str, name: str = "cb.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_codebook_is_clean_and_complete():
    assert [p for p in check_codebook(SHIPPED) if p.level == "error"] == []
    book = load_codebook(SHIPPED)
    modes = {f.key: f.mode for f in book.facets}
    assert modes == {"transformatiedoel": "single", "valentie": "single", "spreker": "single",
                     "drie_vs": "multi", "werkzame_elementen": "multi", "belemmeringen": "multi"}
    counts = {f.key: len(f.codes) for f in book.facets}
    assert counts == {"transformatiedoel": 5, "valentie": 3, "spreker": 5, "drie_vs": 3,
                      "werkzame_elementen": 20, "belemmeringen": 7}
    assert all(c.label and c.description and c.when_to_use and c.when_not and c.keywords
               for c in book.all_codes() if c.facet != "valentie" or c.key != "gemengd_neutraal")
    groups = {c.group for c in book.facet("werkzame_elementen").codes}
    assert len(groups) == 6  # five basic functions and the organisation


@pytest.mark.parametrize("mutation, line, reason", [
    (lambda t: t.replace("mode: multi", "mode: many"), 16, "unknown mode 'many'"),
    (lambda t: t.replace("key: negatief", "key: positief"), 11,
     "duplicate code key 'positief' (first defined on line 8)"),
    (lambda t: t.replace("        label: Negatief\n", ""), 11, "code 'negatief' without a label"),
    (lambda t: t.replace("keywords: [contact]", "keywords: [contact]\n        colour: rood"), 24,
     "bad colour 'rood'"),
    (lambda t: t.replace("    codes:\n      - key: positief", "    codes:\n      - key: positief\n     - x"),
     9, "YAML syntax error"),
])
def test_broken_codebooks_name_line_and_reason(tmp_path, mutation, line, reason):
    path = write(tmp_path, mutation(BASE))
    problems = [p for p in check_codebook(path) if p.level == "error"]
    assert problems, "expected a problem"
    assert any(p.line == line and reason in p.reason for p in problems), [str(p) for p in problems]
    with pytest.raises(CodebookError, match=f"cb.yaml:{line}:"):
        load_codebook(path)


def test_check_cli_prints_file_line_reason_and_exits_2(tmp_path):
    path = write(tmp_path, BASE.replace("mode: multi", "mode: many"))
    done = subprocess.run([sys.executable, "-m", "coder", "codebook", "check", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert f"{path}:16: facet 'drie_vs': unknown mode 'many'" in done.stderr
    ok = subprocess.run([sys.executable, "-m", "coder", "codebook", "check", str(SHIPPED)],
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "OK (6 facets, 43 codes)" in ok.stdout


@pytest.fixture
def coded(tmp_path):
    """A project on BASE with anna's codings on the first quote."""
    db = connect(tmp_path / "p.db")
    sync_codebook(db, load_codebook(write(tmp_path, BASE)))
    add_text_document(db)
    quote = list_quotes(db)[0]["id"]
    anna = ensure_coder(db, "anna")[0]
    code_quote(db, quote, anna, [parse_assignment("valentie=negatief"),
                                    parse_assignment("drie_vs+=vertrouwen")])
    return db, quote, anna


def codes(db, quote, coder):
    return sorted(r["code"] for r in current_codings(db, quote, coder))


def test_reloading_the_same_codebook_changes_nothing(coded, tmp_path):
    db, quote, anna = coded
    report = sync_codebook(db, load_codebook(tmp_path / "cb.yaml"))
    assert (report.added, report.removed, report.renamed) == ([], [], [])
    assert codes(db, quote, anna) == ["negatief", "vertrouwen"]


def test_rename_keeps_codings(coded, tmp_path):
    db, quote, anna = coded
    renamed = BASE.replace("key: vertrouwen", "key: v_vertrouwen\n        renamed_from: [vertrouwen]")
    report = sync_codebook(db, load_codebook(write(tmp_path, renamed, "new.yaml")))
    assert report.renamed == [("vertrouwen", "v_vertrouwen")]
    assert codes(db, quote, anna) == ["negatief", "v_vertrouwen"]
    assert db.execute("SELECT COUNT(*) FROM events WHERE action = 'codebook.rename'").fetchone()[0] == 1


def test_dropping_a_coded_code_is_refused_and_changes_nothing(coded, tmp_path):
    db, quote, anna = coded
    dropped = BASE.replace("      - key: negatief\n        label: Negatief\n        keywords: [slecht]\n", "")
    with pytest.raises(InputError, match=r"negatief \(1 codings\)"):
        sync_codebook(db, load_codebook(write(tmp_path, dropped, "new.yaml")))
    assert codes(db, quote, anna) == ["negatief", "vertrouwen"]
    assert db.execute("SELECT COUNT(*) FROM codes").fetchone()[0] == 4


def test_merge_into_moves_codings(coded, tmp_path):
    db, quote, anna = coded
    dropped = BASE.replace("      - key: negatief\n        label: Negatief\n        keywords: [slecht]\n", "")
    report = sync_codebook(db, load_codebook(write(tmp_path, dropped, "new.yaml")), merge_into="positief")
    assert report.merged == {"negatief": 1}
    assert codes(db, quote, anna) == ["positief", "vertrouwen"]


def test_merge_into_drops_duplicates_for_a_coder(coded, tmp_path):
    db, quote, anna = coded
    code_quote(db, quote, anna, [parse_assignment("drie_vs+=verbinding")])
    dropped = BASE.replace("      - key: verbinding\n        label: Verbinding\n"
                           "        keywords: [contact]\n", "")
    sync_codebook(db, load_codebook(write(tmp_path, dropped, "new.yaml")), merge_into="vertrouwen")
    assert codes(db, quote, anna) == ["negatief", "vertrouwen"]


def test_force_deletes_codings_of_dropped_codes(coded, tmp_path):
    db, quote, anna = coded
    dropped = BASE.replace("      - key: negatief\n        label: Negatief\n        keywords: [slecht]\n", "")
    report = sync_codebook(db, load_codebook(write(tmp_path, dropped, "new.yaml")), force=True)
    assert report.deleted_codings == 1
    assert codes(db, quote, anna) == ["vertrouwen"]


def test_dry_run_changes_nothing(coded, tmp_path):
    db, quote, anna = coded
    dropped = BASE.replace("      - key: negatief\n        label: Negatief\n        keywords: [slecht]\n", "")
    report = sync_codebook(db, load_codebook(write(tmp_path, dropped, "new.yaml")), force=True, dry_run=True)
    assert report.dry_run and report.deleted_codings == 1
    assert codes(db, quote, anna) == ["negatief", "vertrouwen"]


def test_codebook_round_trips_through_the_database(tmp_path):
    db = connect(tmp_path / "p.db")
    book = load_codebook(SHIPPED)
    sync_codebook(db, book)
    back = codebook_from_db(db)
    assert [c.key for c in back.all_codes()] == [c.key for c in book.all_codes()]
    assert back.code("we_maatwerk").keywords == book.code("we_maatwerk").keywords
    assert back.version == "2026.1"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_mutations_only_ever_raise_codebook_errors(tmp_path, data):
    doc = yaml.safe_load(BASE)
    facet = data.draw(st.sampled_from(doc["facets"]))
    target = data.draw(st.sampled_from([doc, facet, facet["codes"][0]]))
    field = data.draw(st.sampled_from(sorted(target)))
    target[field] = data.draw(st.one_of(st.none(), st.integers(), st.text(max_size=5),
                                        st.lists(st.text(max_size=3), max_size=2),
                                        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)))
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with contextlib.suppress(CodebookError):
        load_codebook(path)


def test_a_duplicate_code_is_named_by_its_key_and_a_missing_file_plainly(tmp_path):
    path = write(tmp_path, """
        name: t
        version: "1"
        facets:
          - key: valentie
            label: Valentie
            mode: single
            codes:
              - key: positief
                keywords: [goed]
              - key: positief
                keywords: [goed]
        """)
    said = [str(p) for p in check_codebook(path)]
    assert not any("None" in line for line in said), said
    assert any("code 'positief' without a label" in line and ":11:" in line for line in said), said
    missing = [str(p) for p in check_codebook(tmp_path / "nothere.yaml")]
    assert missing == [f"{tmp_path / 'nothere.yaml'}: cannot read file (No such file or directory)"]


def test_loading_the_same_codebook_again_updates_nothing(tmp_path):
    book = load_codebook(SHIPPED)
    db = connect(tmp_path / "p.db")
    first = sync_codebook(db, book)
    again = sync_codebook(db, book)
    assert len(first.added) == len(book.all_codes()) and not first.updated
    assert not again.added and not again.updated
    assert str(again).startswith("0 added, 0 updated")
