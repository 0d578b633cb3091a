"""Who speaks in a quote (role) and which source the text names for it.

This is the one place exports and the report ask. Today it reads the quote's stored
``speaker`` (a role such as ``inwoner``), ``source`` and ``attribution`` columns, and
as a last resort a parenthesised attribution left at the end of the quote text itself
(``…Vondelpark” (Jaarverslag OKT Amsterdam 2020).``). When the stored attribution is
split into role and source columns elsewhere, only :func:`quote_origin` changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from coder.quotes.attribution import Attribution, split_parenthesised

QUOTE_MARKS = "„”“\"‘’'‚«»"
TRAILING = re.compile(r"^(?P<text>.*?)[\s" + QUOTE_MARKS + r"]*\((?P<inner>[^()\n]{3,200})\)[\s.;,]*$",
                      re.DOTALL)


def quote_origin(quote: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """``(role, source)`` for a quote; either may be None when the text names none."""
    role = _clean(quote.get("speaker"))
    source = _clean(quote.get("source"))
    if source is None:
        for parsed in (_parsed(quote.get("attribution")), _trailing(quote.get("text"))):
            if parsed is not None and parsed.source:
                return role or parsed.speaker, parsed.source
    return role, source


def quote_text(text: str) -> str:
    """The quote's words without its quotation marks or an attribution left at its end."""
    match = _trailing_match(text)
    if match and split_parenthesised(match.group("inner")).source:
        text = match.group("text")
    return text.strip().strip(QUOTE_MARKS).strip()


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _parsed(attribution: object) -> Attribution | None:
    text = _clean(attribution)
    return split_parenthesised(text.strip("()")) if text else None


def _trailing(text: object) -> Attribution | None:
    match = _trailing_match(str(text or ""))
    return split_parenthesised(match.group("inner")) if match else None


def _trailing_match(text: str) -> re.Match[str] | None:
    """The regex only for texts that end in a parenthesis (most quotes do not)."""
    return TRAILING.match(text) if text.rstrip(" .;,\n").endswith(")") else None
