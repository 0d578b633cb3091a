"""Finding a kept quote again in a re-extracted text (written cases, not our own output)."""

from __future__ import annotations

from coder.ingest.relocate import find_again


def test_same_offsets_are_kept():
    text = "Kop\n\nHet wijkteam nam me serieus."
    start = text.index("Het")
    assert find_again(text, start, len(text), text[start:]) == (start, len(text))


def test_a_line_break_that_became_a_space_still_matches():
    new = "Het wijkteam nam me serieus en dacht mee."
    assert find_again(new, 40, 60, "nam me\nserieus") == (13, 27)


def test_the_occurrence_nearest_the_old_place_wins():
    new = "Dat hielp. Later weer: Dat hielp."
    assert find_again(new, 20, 30, "Dat hielp.") == (23, 33)
    assert find_again(new, 2, 12, "Dat hielp.") == (0, 10)


def test_text_with_a_footer_spliced_in_is_gone():
    assert find_again("nam me serieus", 0, 14, "nam me pagina 2 serieus") is None
