"""Text normalisation that keeps offsets meaningful for every reader of the text."""

from __future__ import annotations

import re
import unicodedata

# Characters that Python's str.splitlines() (and so Textual's TextArea) treats as line
# breaks, or that make no sense in stored text. They are mapped before NFC.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_DROP = dict.fromkeys(map(ord, "\x00\u00ad\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"))
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_LIGATURE_TABLE = str.maketrans(_LIGATURES)


def normalise(text: str) -> str:
    """NFC text with ``\\n`` line ends, ligatures spelled out, invisible marks removed.

    NFC, not NFKC: NFKC would also rewrite characters researchers quote on purpose
    (superscripts, the ½ in a table). Ligatures are expanded explicitly instead.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = text.translate(_DROP).translate(_LIGATURE_TABLE)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return unicodedata.normalize("NFC", text)
