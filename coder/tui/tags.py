"""Short tags for coded quotes, shown in the reader's gutter (``2P*``).

A tag lets a coder see at a glance, without colour, which code each coded quote has
while scrolling through a document: the number of its code in the first single facet
(the number its key has on screen), the initial of its code in the second single facet
(its number when two of that facet's codes share an initial), and ``*`` when it has
codes in other facets too. The side panel lists them in full.
"""

from __future__ import annotations

from collections.abc import Iterable

from coder.codebook import Codebook, Facet

TAG_WIDTH = 4  # three characters and a space


def code_tag(codebook: Codebook, codes: Iterable[str]) -> str:
    """The tag of a quote coded with ``codes`` ("" when it has none).

    >>> from coder.codebook.model import Code, Codebook, Facet
    >>> goal = Facet("goal", "Goal", "single", codes=(Code("a", "Alpha", "goal"), Code("b", "Beta", "goal")))
    >>> tone = Facet("tone", "Tone", "single", codes=(Code("pos", "Positive", "tone"),))
    >>> book = Codebook("demo", "1", (goal, tone))
    >>> code_tag(book, ["b", "pos"]), code_tag(book, ["pos"]), code_tag(book, [])
    ('2P', '·P', '')
    """
    codes = set(codes)
    if not codes:
        return ""
    singles = [facet for facet in codebook.facets if facet.mode == "single"][:2]
    tag = ""
    for n, facet in enumerate(singles):
        chosen = [i for i, code in enumerate(facet.codes, start=1) if code.key in codes]
        if not chosen:
            tag += "·"
        elif n == 0 or not _initials_differ(facet):
            tag += str(chosen[0])
        else:
            tag += facet.codes[chosen[0] - 1].label[:1].upper()
        codes -= {code.key for code in facet.codes}
    if codes:
        tag += "*"
    return tag[:TAG_WIDTH - 1]


def _initials_differ(facet: Facet) -> bool:
    """Whether each code of ``facet`` has its own initial (else tags use its number)."""
    initials = [code.label[:1].upper() for code in facet.codes]
    return len(set(initials)) == len(initials)
