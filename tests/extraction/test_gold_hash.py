"""The hashed form of a gold sentence scores the same as its text."""

import hashlib

from tests.extraction.quality_eval import intact, letters

SENTENCE = "Het wijkteam werkt samen met de huisarts aan passende hulp."


def hashed(text: str) -> dict[str, object]:
    flat = letters(text)
    return {"page": 1, "head": " ".join(text.split()[:4]), "letters": len(flat),
            "sha1": hashlib.sha1(flat.encode()).hexdigest()[:16]}


def test_a_hashed_sentence_is_found_where_its_text_is() -> None:
    text = letters("Inleiding. Het wijkteam werkt samen met de huisarts aan passende hulp. Verder.")
    assert intact({"text": SENTENCE}, text)
    assert intact(hashed(SENTENCE), text)


def test_a_hashed_sentence_broken_by_a_header_is_not_intact() -> None:
    text = letters("Het wijkteam werkt samen met Jaarverslag 2023 de huisarts aan passende hulp.")
    assert not intact({"text": SENTENCE}, text)
    assert not intact(hashed(SENTENCE), text)


def test_the_head_may_occur_elsewhere_first() -> None:
    text = letters("Het wijkteam werkt samen. Het wijkteam werkt samen met de huisarts aan passende hulp.")
    assert intact(hashed(SENTENCE), text)
