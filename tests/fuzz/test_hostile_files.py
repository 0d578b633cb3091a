"""Hostile files and arguments give one line and exit 2, never a traceback (issue 15, 7-8)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coder.cli  # noqa: F401
from coder.cli.base import cli
from coder.store.db import connect
from tests.conftest import add_small_codebook, add_text_document

SHA = "Dalem 2021".ljust(64, "0")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("p") / "p.db"
    db = connect(path)
    add_small_codebook(db)
    add_text_document(db)
    db.close()
    return path


def fresh(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "p.db"
    for stale in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        stale.unlink(missing_ok=True)
    conn = connect(template)
    conn.execute(f"VACUUM INTO '{target}'")
    conn.close()
    return target


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def one_line_error(result, exit_code: int = 2) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == exit_code, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("coder: error:")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.output


def codings_file(path: Path, **changes) -> Path:
    data = {"format": "coder.codings", "version": 1, "coder": "bram", "documents": {SHA: "Dalem"},
            "quotes": [{"document": SHA, "start": 52, "end": 100, "text": "x", "origin": "detected"}],
            "codings": [{"document": SHA, "start": 52, "end": 100, "facet": "valentie", "code": "positief"}]}
    data.update(changes)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


BAD_ENTRIES = {
    "huge start": {"codings": [{"document": SHA, "start": 10 ** 30, "end": 100, "facet": "valentie",
                                "code": "positief"}]},
    "1e999": {"quotes": [{"document": SHA, "start": "1e999", "end": 100}]},
    "float start": {"quotes": [{"document": SHA, "start": 1.5, "end": 100}]},
    "missing key": {"codings": [{"document": SHA, "start": 52, "facet": "valentie", "code": "positief"}]},
    "non-object": {"codings": ["positief"]},
    "not a list": {"quotes": {"a": 1}},
    "coder null": {"coder": None},
    "dismissal start": {"dismissals": [{"document": SHA, "start": "1e999", "end": 100}]},
    "dismissals not a list": {"dismissals": "all"},
    "coder escape": {"coder": "bram\x1b[2J"},
}


@pytest.mark.parametrize("case", BAD_ENTRIES, ids=list(BAD_ENTRIES))
def test_malformed_codings_file_is_one_line_and_changes_nothing(template, tmp_path, case):
    db = fresh(template, tmp_path)
    result = run(db, "import", str(codings_file(tmp_path / "x.codings", **BAD_ENTRIES[case])))
    one_line_error(result, exit_code=1)  # import is a batch: a failed file makes it exit 1
    conn = connect(db)
    assert conn.execute("SELECT COUNT(*) FROM codings").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM coders").fetchone()[0] == 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)
entries = st.fixed_dictionaries(
    {}, optional={"document": st.sampled_from([SHA, "x"]) | json_values,
                  "start": st.integers() | json_values, "end": st.integers() | json_values,
                  "facet": st.sampled_from(["valentie", "drie_vs"]) | json_values,
                  "code": st.sampled_from(["positief", "vertrouwen"]) | json_values,
                  "text": json_values, "origin": st.sampled_from(["manual", "detected"]) | json_values,
                  "created_by_coder": json_values, "memo": json_values})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(coder=st.text(max_size=8) | json_values, quotes=st.lists(entries | json_values, max_size=3),
       codings=st.lists(entries | json_values, max_size=3))
def test_any_codings_file_imports_or_fails_on_one_line(template, tmp_path, coder, quotes, codings):
    db = fresh(template, tmp_path)
    path = codings_file(tmp_path / "h.codings", coder=coder, quotes=quotes, codings=codings)
    result = run(db, "import", str(path))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output


def corrupt_deflate(path: Path) -> Path:
    body = b"<Project xmlns='urn:QDA-XML:project:1.0'>" + b"<Users/>" * 2000 + b"</Project>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", body)
    raw = bytearray(path.read_bytes())
    start = raw.index(b"project.qde") + len("project.qde")
    for i in range(start + 10, start + 60):
        raw[i] ^= 0x5A
    path.write_bytes(bytes(raw))
    return path


def test_corrupt_deflate_stream_in_qdpx_is_one_line(template, tmp_path):
    result = run(fresh(template, tmp_path), "import", str(corrupt_deflate(tmp_path / "bad.qdpx")))
    one_line_error(result, exit_code=1)
    assert "bad.qdpx" in result.stderr


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_damage_to_a_qdpx_is_one_line(template, tmp_path, data):
    good = tmp_path / "good.qdpx"
    if not good.exists():
        assert run(template, "export", "qdpx", "-o", str(good)).exit_code == 0
    raw = bytearray(good.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    bad = tmp_path / "damaged.qdpx"
    bad.write_bytes(bytes(raw))
    result = run(fresh(template, tmp_path), "import", str(bad))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["code", "99999999999999999999999", "--coder", "anna", "valentie=positief"],
                                  ["code", "--coder", "anna", "--", "-99999999999999999999999",
                                   "valentie=positief"],
                                  ["text", "99999999999999999999999"],
                                  ["quotes", "--doc", "99999999999999999999999"]])
def test_huge_numbers_on_the_command_line_are_one_line(template, tmp_path, args):
    one_line_error(run(fresh(template, tmp_path), *args))


@pytest.mark.parametrize("n", ["100000000000000000000000", "1e999", "-3", "0"])
def test_indicator_n_out_of_range_is_one_line(template, tmp_path, n):
    csv = tmp_path / "ind.csv"
    csv.write_text(f"file,indicator,value,n\nDalem 2021.pdf,rapportcijfer,7.5,{n}\n")
    db = fresh(template, tmp_path)
    one_line_error(run(db, "indicators", "import", str(csv)))


@pytest.mark.parametrize("name", ["anna\x1b[2J", "bram\r", "cees\x7f", "dirk\x00", "\u202eevil"])
def test_control_characters_in_coder_names_are_refused(template, tmp_path, name):
    db = fresh(template, tmp_path)
    one_line_error(run(db, "coders", "add", name))
    one_line_error(run(db, "code", "1", "--coder", name, "valentie=positief"))
    assert connect(db).execute("SELECT COUNT(*) FROM coders").fetchone()[0] == 0
