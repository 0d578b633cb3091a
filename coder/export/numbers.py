"""One number formatter for everything people read: decimal commas in Dutch output.

Dutch writes ``0,701`` and ``9.892``; English ``0.701`` and ``9,892``. Every figure
in the report and the exports' text goes through these functions, so one document never
mixes the two conventions.
"""

from __future__ import annotations

from datetime import date

MISSING = "—"
MONTHS = {"nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}


def number(value: float | None, decimals: int = 0, lang: str = "nl") -> str:
    """``value`` with ``decimals`` places and thousands grouping; ``—`` when missing."""
    if value is None:
        return MISSING
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.translate(str.maketrans(",.", ".,"))
    return text.replace("-", "−") if text.startswith("-") else text


def percent(value: float | None, decimals: int = 0, lang: str = "nl") -> str:
    """``75%`` / ``72,5%`` (a value already in percent)."""
    return MISSING if value is None else f"{number(value, decimals, lang)}%"


def long_date(day: date, lang: str = "nl") -> str:
    """``29 november 2026`` (Dutch months are lower-case) or ``29 November 2026``."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
