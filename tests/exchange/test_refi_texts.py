"""Source texts: the chunked, offset-keeping normalisation agrees with the project's own
normaliser, and an offset lands on the character it named before normalisation."""

from hypothesis import given, settings
from hypothesis import strategies as st

from coder.exchange.refi.texts import CODE_POINTS, UTF16, decode_chunks, read_text
from coder.extraction.normalise import normalise

PIECES = st.sampled_from(["a", "b", " ", "\r\n", "\r", "\n", "e\u0301", "\ufb01", "\u00ad", "😡", "ő",
                          "\x00", "\u2028", "\ufeff", "\t", "A\u0308\u0301", "\u1100\u1161"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40), st.integers(min_value=1, max_value=7))
def test_chunked_text_equals_normalise(pieces, size):
    raw = "".join(pieces)
    chunks = [raw[i:i + size] for i in range(0, len(raw), size)]
    assert read_text(chunks, []).text == normalise(raw)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40), st.integers(min_value=1, max_value=7))
def test_offsets_before_ascii_letters_map_onto_them(pieces, size):
    raw = "".join(pieces)
    chunks = [raw[i:i + size] for i in range(0, len(raw), size)]
    letters = [i for i, ch in enumerate(raw) if ch in "ab"]
    result = read_text(chunks, [*letters, len(raw)])
    for i in letters:
        prefix = normalise(raw[:i])
        assert result.positions[i] == len(prefix) and result.text[len(prefix)] == raw[i]
    assert result.positions[len(raw)] == len(result.text)


def test_utf16_units_count_an_emoji_twice():
    result = read_text(["😡x\r\ny"], [2, 5], UTF16)
    assert result.positions == {2: 1, 5: 3} and result.text[3] == "y"
    assert read_text(["😡x"], [1], CODE_POINTS).positions == {1: 1}


def test_bom_is_not_counted_and_bad_bytes_do_not_stop_reading():
    blocks = [b"\xef\xbb", b"\xbfab\xff", b"c"]
    assert "".join(decode_chunks(blocks)) == "ab\ufffdc"
    assert "".join(decode_chunks(["hé".encode("utf-16")])) == "hé"


def test_offsets_past_the_end_are_left_out():
    assert read_text(["abc"], [3, 4]).positions == {3: 3}
