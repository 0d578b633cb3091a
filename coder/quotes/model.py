"""A candidate quote as detection returns it (before it is stored)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CandidateQuote:
    """``text[start:end]`` of the document is the quote (without its quotation marks).

    ``attribution`` is the source as the report gives it (``Jaarverslag Wijkteams Arnhem
    2020``); ``speaker`` the role when one is named (``inwoner``, ``wijkcoach``) and
    ``source`` the publication or study when it can be split off. ``page`` is set when the
    quote sits in a block the layout moved out of the running text (a pull quote, caption,
    sidebar or footnote written after the paragraph it interrupts): its page is the block's
    own page, not the page where it lands in the text.
    """

    start: int
    end: int
    text: str
    speaker: str | None = None
    source: str | None = None
    attribution: str | None = None
    page: int | None = None
