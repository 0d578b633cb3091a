"""Running furniture: what counts as the same header, and printed page labels."""

from __future__ import annotations

from coder.extraction.furniture import normalise, page_number
from coder.extraction.pdf import page_label
from coder.extraction.words import Line, Word


def line(text: str) -> Line:
    words, x = [], 50.0
    for token in text.split():
        words.append(Word(token, x, x + 6 * len(token), 800, 808, 8.0, False, False))
        x += 6 * len(token) + 3
    return Line(words, 1)


def test_numbers_roman_numerals_and_case_do_not_make_headers_differ():
    assert normalise("Strategy and Businesses 3.2.1") == normalise("strategy and businesses 4")
    assert normalise("Hoofdstuk IV — Zorg") == normalise("hoofdstuk xii — zorg")
    assert normalise("Jaarverslag 2023") != normalise("Jaarverslag Wijkteam")


def test_bare_page_numbers_in_their_usual_forms():
    for text, number in [
        ("12", "12"),
        ("- 12 -", "12"),
        ("pagina 7 van 40", "7"),
        ("xiv", "xiv"),
        ("3 | 75", "3"),
    ]:
        assert page_number(line(text)) == number
    assert page_number(line("12 gezinnen kregen hulp")) is None


def test_a_spread_carries_the_numbers_of_both_printed_pages():
    assert page_label([(100.0, "12"), (700.0, "13")], fold=420.0) == "12–13"
    assert page_label([(700.0, "13")], fold=420.0) == "13"
    assert page_label([(300.0, "7")], fold=None) == "7"
    assert page_label([], fold=None) is None
