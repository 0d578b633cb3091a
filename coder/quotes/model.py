"""A candidate quote as detection returns it (before it is stored)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CandidateQuote:
    """``text[start:end]`` of the document is the quote (without its quotation marks).

    ``attribution`` is the source as the report gives it (``Jaarverslag Wijkteams Arnhem
    2020``); ``speaker`` the role when one is named (``inwoner``, ``wijkcoach``) and
    ``source`` the publication or study when it can be split off.
    """

    start: int
    end: int
    text: str
    speaker: str | None = None
    source: str | None = None
    attribution: str | None = None
