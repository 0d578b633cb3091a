"""Fuzzing the readers of user files: any input gives data or a one-line InputError naming
the file, never a traceback; and the text normaliser keeps its promises on any text."""

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.agreement import agreement, ratings_from_long
from coder.agreement.readers import read_long_table, read_spans
from coder.errors import InputError
from coder.extraction.normalise import normalise
from coder.ingest.manifest import read_manifest

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
csv_like = st.lists(st.lists(cells, min_size=0, max_size=5), max_size=8).map(
    lambda rows: "\n".join(",".join(r) for r in rows))
blobs = st.one_of(st.binary(max_size=300), csv_like.map(lambda s: s.encode("utf-8")))


def write(data: bytes, name: str) -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / name
    path.write_bytes(data)
    return path


def one_line_error_for(path: Path, exc: InputError) -> None:
    message = str(exc)
    assert str(path) in message and "\n" not in message


@FUZZ
@given(blobs)
def test_manifest_reader(data):
    path = write(data, "documents.csv")
    try:
        result = read_manifest(path)
    except InputError as exc:
        one_line_error_for(path, exc)
    else:
        assert isinstance(result, dict)


@FUZZ
@given(st.one_of(blobs, csv_like.map(lambda s: ("unit,coder,value\n" + s).encode("utf-8"))))
def test_agree_table_reader_and_engine(data):
    path = write(data, "ratings.csv")
    try:
        rows = read_long_table(path)
    except InputError as exc:
        one_line_error_for(path, exc)
        return
    try:
        result = agreement(ratings_from_long(rows))
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert result.units >= 1


@FUZZ
@given(st.one_of(blobs, csv_like.map(lambda s: ("coder,code,start,end\n" + s).encode("utf-8"))))
def test_segments_reader(data):
    path = write(data, "spans.csv")
    try:
        spans = read_spans(path)
    except InputError as exc:
        one_line_error_for(path, exc)
    else:
        assert all(s.start < s.end for s in spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_normaliser_is_idempotent_nfc_and_line_plain(text):
    once = normalise(text)
    assert normalise(once) == once
    assert unicodedata.is_normalized("NFC", once)
    # "\n" is the only line break left, so (row, col) views such as TextArea agree with offsets
    expected_lines = once.count("\n") + (0 if once == "" or once.endswith("\n") else 1)
    assert len(once.splitlines(keepends=True)) == expected_lines
    assert not set(once) & {"\x00", "\u00ad", "\u200e", "\u200f", "\ufeff", "\r"}
