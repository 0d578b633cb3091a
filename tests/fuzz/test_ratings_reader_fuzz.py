"""The block reader of `coder agree --table` (`read_ratings`) reads exactly what the csv
module reads (`read_long_table` + `ratings_from_long`, the reference), on messy bytes,
at any block size, or fails with the same one-line message naming the file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.agreement import readers
from coder.agreement.data import ratings_from_long
from coder.agreement.readers import read_long_table, read_ratings
from coder.errors import InputError


def outcome(path: Path, read) -> object:
    try:
        r = read()
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message
        # ratings_from_long does not know the file; read_ratings always names it
        return message.removeprefix(f"{path}: ")
    return (r.codes.tolist(), r.categories, r.coders)


def both(path: Path, missing: tuple[str, ...] = ()) -> tuple[object, object]:
    expected = outcome(path, lambda: ratings_from_long(read_long_table(path), missing=missing))
    got = outcome(path, lambda: read_ratings(path, missing=missing))
    return expected, got


# cells with every character the fast paths treat specially
cell = st.lists(st.sampled_from([*'ab1 ,"\t\x00\x0b\x1c\xa0ü\u2003\r\n', "ab", "10", "u7"]),
                max_size=4).map("".join)
plain_cell = st.text(alphabet=st.sampled_from(list("abcu0123456789-_")), min_size=0, max_size=12)
line_end = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
header = st.sampled_from(["unit,coder,value", "Unit, CODER ,value", "value,unit,coder",
                          "unit,coder,value,note", "\ufeffunit,coder,value", 'unit,"coder",value'])


@st.composite
def tables(draw, cells) -> bytes:
    rows = draw(st.lists(st.lists(cells, min_size=2, max_size=4), max_size=25))
    ends = draw(st.lists(line_end, min_size=len(rows) + 1, max_size=len(rows) + 1))
    text = draw(header) + ends[0] + "".join(",".join(r) + e for r, e in zip(rows, ends[1:]))
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8", "latin-1"])), errors="replace")


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.one_of(tables(cell), tables(plain_cell)), st.sampled_from([None, 5, 40]),
       st.sampled_from([(), ("n/a", "b")]))
def test_block_reader_equals_the_csv_reader(data, block, missing):
    path = Path(tempfile.mkdtemp()) / "ratings.csv"
    path.write_bytes(data)
    with mock.patch.object(readers, "BLOCK", block or readers.BLOCK):
        expected, got = both(path, missing)
    assert got == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(plain_cell.filter(bool), st.sampled_from(["a", "b", "coder-number-three"]),
                          plain_cell), min_size=1, max_size=60, unique_by=lambda t: (t[0], t[1])),
       st.sampled_from([7, 64, 1 << 20]))
def test_plain_tables_of_any_field_width(rows, block):
    path = Path(tempfile.mkdtemp()) / "ratings.csv"
    path.write_text("unit,coder,value\n" + "".join(f"{u},{c},{v}\n" for u, c, v in rows))
    with mock.patch.object(readers, "BLOCK", block):
        expected, got = both(path)
    assert got == expected


def test_many_coders_and_values_beyond_the_first_rows(tmp_path):
    # coders 4096+ and values first seen late: the lookup must fall back to a full sort
    path = tmp_path / "r.csv"
    path.write_text("unit,coder,value\n" + "".join(f"u{i % 7},c{i},{i * 7919 % 5003}\n" for i in range(6000)))
    expected, got = both(path)
    assert got == expected and len(got[2]) == 6000  # type: ignore[index]


def test_hash_collisions_fall_back_to_a_binary_search(tmp_path):
    from coder.agreement import plain_csv

    path = tmp_path / "r.csv"
    path.write_text("unit,coder,value\n" + "".join(f"u{i},{c},{(i + len(c)) % 9}\n" for i in range(300)
                                                  for c in ("anna", "bram", "cees")))
    with mock.patch.object(plain_csv, "_MULTIPLIERS", (np.uint64(0),)):  # every key in one slot
        expected, got = both(path)
    assert got == expected


# Hand-made hostile files (issue 15): each the reference's reading or its one-line error.
HOSTILE = {
    "crlf": b"unit,coder,value\r\nu1,a,1\r\nu1,b,2\r\nu2,a,1\r\nu2,b,1\r\n",
    "cr_only": b"unit,coder,value\ru1,a,1\ru1,b,2\ru2,a,1\r",
    "bare_cr_in_field": b"unit,coder,value\nu1,a,1\r\r\nu1,b,1\n",
    "mixed_ends": b"unit,coder,value\nu1,a,1\r\nu1,b,2\nu2,a,1\r\nu2,b,1\n",
    "blank_lines": b"unit,coder,value\n\nu1,a,1\n\n\nu1,b,1\n\n",
    "nul_in_unit": b"unit,coder,value\nu1,a,1\nu1\x00,b,1\nu2,a\x00,2\n",
    "vertical_tab": b"unit,coder,value\nu1\x0b,a,1\nu1,b,1\n",
    "no_break_space": "unit,coder,value\nu1,a,\u00a01\nu1,b,1\n".encode(),
    "accents": "unit,coder,value\nü1,a,ja\nü1,b,ja\nu2,a,nee\nu2,b,ja\nü1\u00a0,c,ja\n".encode(),
    "latin1": "unit,coder,value\nu1,a,caf\xe9\nu1,b,caf\xe9\n".encode("latin-1"),
    "utf16": "unit,coder,value\nu1,a,1\nu1,b,1\n".encode("utf-16"),
    "huge_unquoted_field": b"unit,coder,value\nu1,a,1\nu1,b," + b"9" * 200_000 + b"\n",
    "field_at_the_limit": b"unit,coder,value\nu1,a,1\nu1,b," + b"9" * 131_072 + b"\n",
    "huge_quoted_field": b'unit,coder,value\nu1,a,"' + b"9" * 200_000 + b'"\n',
    "ragged": b"unit,coder,value\nu1,a,1,extra\nu2,a\nu1,b,1\nu2,b,2\n",
    "empty_coder": b"unit,coder,value\nu1,a,1\nu1,,1\n",
    "repeated_rating": b"unit,coder,value\nu1,a,1\nu2,a,1\nu2,b,2\nu1,b,1\nu2,a,2\n",
    "header_only": b"unit,coder,value\n",
    "empty": b"",
    "quoted_header": b'unit,coder,"value,x"\nu1,a,1\nu1,b,1\n',
    "many_blank_lines": b"unit,coder,value\n" + b"\n" * 100_000 + b"u1,a,1\nu1,b,1\n",
    "long_units": b"unit,coder,value\n" + b"".join(b"unit-%030d,%s,%d\n" % (i, c, i % 3)
                                                  for i in range(50) for c in (b"a", b"b")),
}


def test_hostile_files_read_as_the_csv_module_reads_them(tmp_path):
    for name, data in HOSTILE.items():
        path = tmp_path / f"{name}.csv"
        path.write_bytes(data)
        for block in (None, 3):
            with mock.patch.object(readers, "BLOCK", block or readers.BLOCK):
                expected, got = both(path)
            assert got == expected, name
