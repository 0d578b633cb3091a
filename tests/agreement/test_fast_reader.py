"""The block-wise plain CSV path reads exactly what the csv module reads, and leaves odd
files to it (the streaming reader, `read_ratings`, against the list reader)."""

from __future__ import annotations

import numpy as np
import pytest

from coder.agreement import ratings_from_long
from coder.agreement.readers import _Collected, _read_plain, read_long_table, read_ratings
from coder.errors import InputError

PLAIN = "unit,coder,value\nu1,a,1\nu1,b,2\r\nu2, a ,\nu2,b,x\n"


def same(path) -> None:
    expected = ratings_from_long(read_long_table(path))
    got = read_ratings(path)
    assert (got.categories, got.coders) == (expected.categories, expected.coders)
    assert np.array_equal(got.codes, expected.codes)


def test_plain_file_takes_the_fast_path_and_matches_the_csv_module(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(PLAIN, encoding="utf-8")
    assert _read_plain(path, _Collected(set()))
    same(path)


def test_blocks_split_only_at_line_ends(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("unit,coder,value\n" + "".join(f"u{i},c{i % 3},{i % 5}\n" for i in range(5000)))
    table = _Collected(set())
    assert _read_plain(path, table, block=97)
    assert table.rows == 5000
    same(path)


@pytest.mark.parametrize("text", [
    'unit,coder,value\n"u,1",a,1\nu2,a,2\n',      # quoting: csv module
    "unit,coder,value\nu1,a,1,extra\nu2,a\n",       # ragged rows whose commas add up
    "coder,value,unit\nb,1,u1\n\na,2,u1\n",         # blank line, other column order
    "unit,coder,value,note\nu1,a,1,\nu1,b,1,x\n",   # an extra column
])
def test_other_files_read_as_before(tmp_path, text):
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    try:
        read_long_table(path)
    except InputError as exc:
        with pytest.raises(InputError, match=str(exc).split(": ", 1)[1][:20]):
            read_ratings(path)
        return
    same(path)


def test_errors_are_the_csv_readers(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("unit,coder,value\nu1,,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: unit and coder must not be empty"):
        read_ratings(path)
