"""Making quote and memo text safe to open: spreadsheets, Markdown and Word files.

Quotes come from PDFs nobody on the team wrote, and memos are free text. A cell that
begins with ``=``, ``+``, ``-`` or ``@`` is a formula to Excel and LibreOffice
(``=HYPERLINK(...)``, ``=cmd|...``), and a Markdown file passes raw HTML
(``<script>``, ``<img onerror=...>``) to whatever renders it. Every writer sends its
text through one of the functions here, so the rule lives in one place.
"""

from __future__ import annotations

import html
import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?$")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#!~])")
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula (a signed number is fine)."""
    return text.startswith(FORMULA_START) and not NUMBER.match(text.strip())


def spreadsheet_text(value: object) -> str:
    """A CSV cell: formula-like text gets a leading ``'`` so it stays text."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula_like(text) else text


def markdown_text(value: object) -> str:
    """Inline Markdown: no raw HTML, no link/emphasis syntax, one line.

    ``&``, ``<`` and ``>`` become entities (a renderer shows them as the characters), the
    Markdown punctuation gets a backslash, and newlines become spaces.
    """
    text = "" if value is None else " ".join(str(value).split())
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def xml_text(value: object) -> str:
    """Text Word (XML) accepts: control characters a PDF may carry are dropped."""
    return XML_INVALID.sub("", "" if value is None else str(value))
