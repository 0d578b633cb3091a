"""One number formatter: decimal commas and Dutch dates in Dutch output (hand-written gold)."""

from datetime import date

import pytest

from coder.export.numbers import long_date, number, percent


@pytest.mark.parametrize(("value", "decimals", "lang", "text"), [
    (0.7011, 3, "nl", "0,701"), (0.7011, 3, "en", "0.701"), (0.667, 3, "nl", "0,667"),
    (9892, 0, "nl", "9.892"), (9892, 0, "en", "9,892"), (7.66, 1, "nl", "7,7"),
    (-0.05, 3, "nl", "−0,050"), (1234567.891, 2, "nl", "1.234.567,89"), (None, 3, "nl", "—"),
])
def test_number(value, decimals, lang, text):
    assert number(value, decimals, lang) == text


def test_percent_and_dates():
    assert percent(72.5, 1) == "72,5%" and percent(72.5, 1, "en") == "72.5%"
    assert long_date(date(2026, 3, 1)) == "1 maart 2026"
    assert long_date(date(2026, 11, 29), "en") == "29 November 2026"
