"""Source texts of REFI-QDA files: decoded, normalised as the project normalises every
text, and selection offsets carried through that normalisation.

Other tools count `startPosition`/`endPosition` in *their* plain text: line ends as
written (NVivo's `\\r\\n` counts two), no byte-order mark, and characters either as
Unicode code points (the standard; Python tools) or as UTF-16 code units (.NET tools:
an emoji counts two). Our stored text has `\\n` line ends, NFC and no invisible marks
(:func:`coder.extraction.normalise.normalise`), so each offset is mapped from the raw
text into ours. Texts are read in chunks: a source of hundreds of MB never needs a
second copy beside the one that is stored.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

CODE_POINTS = "code-points"
UTF16 = "utf-16"

# The single-character rewrites of coder.extraction.normalise.normalise, as one pattern,
# so that every change has a position: line breaks → "\n", invisible marks and control
# characters dropped, ligatures spelled out. NFC is handled after it.
_LINE_BREAK = "\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
_DROPPED = "[\x00\u00ad\u200b\u200e\u200f\u202a-\u202e\ufeff\x01-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]"
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_REWRITE = re.compile(f"({_LINE_BREAK})|({_DROPPED})|([\ufb00-\ufb06])")
# Every character _REWRITE changes except "\r" (one class: searched many times faster than
# the alternation); a text with none of them and only "\r\n" pairs needs just str.replace.
_NOT_CRLF = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e"
                       "\u2028\u2029\ufeff\ufb00-\ufb06]")
_NON_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass
class _Edits:
    """Replaced spans of one string: where they start and end, and how long the
    replacement is; maps an index of the old string to one of the new."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    new_starts: list[int] = field(default_factory=list)
    new_lengths: list[int] = field(default_factory=list)
    shift: int = 0

    def add(self, start: int, end: int, new_length: int) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.new_starts.append(start + self.shift)
        self.new_lengths.append(new_length)
        self.shift += new_length - (end - start)

    def map(self, index: int) -> int:
        k = bisect_right(self.starts, index) - 1
        if k < 0:
            return index
        if index >= self.ends[k]:
            return index - self.ends[k] + self.new_starts[k] + self.new_lengths[k]
        return self.new_starts[k] + min(index - self.starts[k], self.new_lengths[k])


class _CrlfOnly:
    """The mapping when the only change is ``\r\n`` → ``\n``: counted, not recorded."""

    def __init__(self, text: str) -> None:
        self.text = text

    def map(self, index: int) -> int:
        return index - self.text.count("\r\n", 0, index)


def _replace(text: str, spans: Iterable[tuple[int, int, str]]) -> tuple[str, _Edits]:
    """``text`` with each (start, end, new) span replaced, and the edits made."""
    edits = _Edits()
    parts: list[str] = []
    last = 0
    for start, end, new in spans:
        parts += [text[last:start], new]
        edits.add(start, end, len(new))
        last = end
    parts.append(text[last:])
    return "".join(parts), edits


def _rewrite(text: str) -> tuple[str, _Edits | _CrlfOnly]:
    if not _NOT_CRLF.search(text) and text.count("\r") == text.count("\r\n"):
        return text.replace("\r\n", "\n"), _CrlfOnly(text)
    return _replace(text, ((found.start(), found.end(),
                            "\n" if found.group(1) else _LIGATURES.get(found.group(3) or "", ""))
                           for found in _REWRITE.finditer(text)))


def _compose(text: str) -> tuple[str, _Edits]:
    """NFC, piece by piece: only runs of non-ASCII characters (with the ASCII letter
    before them, which a combining mark may join) can change."""
    if unicodedata.is_normalized("NFC", text):
        return text, _Edits()
    return _replace(text, ((found.start(), found.end(), new) for found in _NON_ASCII_RUN.finditer(text)
                           if (new := unicodedata.normalize("NFC", found.group())) != found.group()))


def _index_of_unit(text: str, unit: int, counting: str) -> int:
    """The index in ``text`` of a position counted in code points or UTF-16 units."""
    if counting != UTF16:
        return unit
    index = 0
    for astral in _ASTRAL.finditer(text):
        if astral.start() + index >= unit:
            break
        index += 1
        if astral.start() + index >= unit:  # inside the surrogate pair: the character's start
            return astral.start()
    return unit - index


def _units(text: str, counting: str) -> int:
    if counting != UTF16:
        return len(text)
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


def _safe_split(text: str) -> int:
    """The last index before which the text can be cut without changing how it
    normalises: before an ASCII character, not between ``\\r`` and ``\\n``."""
    for index in range(len(text) - 1, 0, -1):
        if text[index] < "\x80" and not (text[index] == "\n" and text[index - 1] == "\r"):
            return index
    return 0


@dataclass
class SourceText:
    """The normalised text as UTF-8 (a third to a quarter of a Python string's memory for
    a large text; SQLite stores it as it is), its length in characters and its hash."""

    data: bytes
    length: int
    sha256: str
    positions: dict[int, int]  # raw offset (in the file's counting) → offset in the text
    raw_length: int  # in the file's counting

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


def read_text(chunks: Iterable[str], wanted: Iterable[int], counting: str = CODE_POINTS) -> SourceText:
    """Normalise the text given as ``chunks`` and map every offset in ``wanted``.

    Offsets past the end are left out of ``positions`` (the caller reports them).
    """
    targets = sorted(set(wanted))
    out: list[bytes] = []
    digest = hashlib.sha256()
    positions: dict[int, int] = {}
    raw_at = out_at = 0
    next_target = 0
    for piece in _safe_pieces(chunks):
        rewritten, edits_a = _rewrite(piece)
        composed, edits_b = _compose(rewritten)
        units = _units(piece, counting)
        while next_target < len(targets) and targets[next_target] < raw_at + units:
            index = _index_of_unit(piece, targets[next_target] - raw_at, counting)
            positions[targets[next_target]] = out_at + edits_b.map(edits_a.map(index))
            next_target += 1
        encoded = composed.encode("utf-8")
        out.append(encoded)
        digest.update(encoded)
        raw_at += units
        out_at += len(composed)
    if next_target < len(targets) and targets[next_target] == raw_at:
        positions[raw_at] = out_at
    return SourceText(b"".join(out), out_at, digest.hexdigest(), positions, raw_at)


def _safe_pieces(chunks: Iterable[str]) -> Iterator[str]:
    held = ""
    for chunk in chunks:
        held += chunk
        cut = _safe_split(held) if len(held) > 1 else 0
        if cut:
            yield held[:cut]
            held = held[cut:]
    if held:
        yield held


def decode_chunks(blocks: Iterable[bytes]) -> Iterator[str]:
    """UTF-8 (a byte-order mark is dropped, not counted), or UTF-16 when the text starts
    with a UTF-16 byte-order mark; undecodable bytes become U+FFFD rather than an error."""
    decoder: codecs.IncrementalDecoder | None = None
    for block in blocks:
        if decoder is None:
            encoding = "utf-16" if block[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        yield decoder.decode(block)
    if decoder is not None:
        yield decoder.decode(b"", final=True)
