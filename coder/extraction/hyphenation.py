"""Dutch de-hyphenation of words broken at a line end.

``zorg-`` + ``en welzijn`` keeps its hyphen (a suspended compound), as do ``Noord-`` +
``Holland`` and ``ICT-`` + ``systemen`` (capitals, acronyms), and ``zee-`` + ``egel``
(klinkerbotsing: the hyphen is spelling, not layout). Otherwise the vocabulary of the
document decides: a form seen unbroken elsewhere wins; with no evidence the parts are
joined, since layout hyphens are far more common than real ones at a line end.
"""

from __future__ import annotations

import re
from collections import Counter

CONJUNCTIONS = {"en", "of", "noch", "tot", "en/of"}
VOWELS = set("aeiouy")
LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)


def vocabulary(texts: list[str]) -> Counter[str]:
    """Lower-cased words (hyphenated compounds kept whole) as seen in running text."""
    counts: Counter[str] = Counter()
    for text in texts:
        for token in text.split():
            counts[token.strip(".,;:!?()[]„”“\"'‘’").lower()] += 1
    return counts


def join_broken(head: str, tail: str, vocab: Counter[str]) -> str:
    """``head`` ends with a hyphen at a line end; return the text that joins it to ``tail``
    (either ``head + tail`` without the hyphen, or with it kept)."""
    stem = head[:-1]
    first = tail.split(" ", 1)[0]
    bare_tail = first.strip(".,;:!?()„”“\"'‘’")
    if not LETTERS.search(stem[-1:] or "") or not bare_tail:
        return f"{head}{tail}" if not bare_tail else f"{head} {tail}"
    if bare_tail.lower() in CONJUNCTIONS:
        return f"{head} {tail}"
    if bare_tail[0].isupper() or _is_acronym(stem):
        return f"{head}{tail}"
    last_word = re.split(r"[\s/]", stem)[-1]
    joined = f"{last_word}{bare_tail}".lower()
    hyphenated = f"{last_word}-{bare_tail}".lower()
    if vocab[hyphenated] > vocab[joined]:
        return f"{head}{tail}"
    if vocab[joined] == 0 and stem[-1:].lower() in VOWELS and bare_tail[0].lower() in VOWELS \
            and stem[-1:].lower() == bare_tail[0].lower():
        return f"{head}{tail}"
    return f"{stem}{tail}"


def _is_acronym(stem: str) -> bool:
    word = re.split(r"[\s/-]", stem)[-1]
    return len(word) >= 2 and word.isupper()
