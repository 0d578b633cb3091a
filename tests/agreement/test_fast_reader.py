"""The fast CSV path reads exactly what the csv module reads, and leaves odd files to it."""

from __future__ import annotations

import pytest

from coder.agreement.readers import _plain_columns, read_long_columns, read_long_table
from coder.errors import InputError

PLAIN = "unit,coder,value\nu1,a,1\nu1,b,2\r\nu2, a ,\nu2,b,x\n"


def columns_of(rows):
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def test_plain_file_takes_the_fast_path_and_matches_the_csv_module(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(PLAIN, encoding="utf-8")
    assert _plain_columns(path) is not None
    assert read_long_columns(path) == columns_of(read_long_table(path))


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
        expected = columns_of(read_long_table(path))
    except InputError as exc:
        with pytest.raises(InputError, match=str(exc).split(": ", 1)[1][:20]):
            read_long_columns(path)
        return
    assert read_long_columns(path) == expected


def test_errors_are_the_csv_readers(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("unit,coder,value\nu1,,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: unit and coder must not be empty"):
        read_long_columns(path)
