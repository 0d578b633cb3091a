"""Quote detection and attribution, one example per rule."""

from __future__ import annotations

import pytest

from coder.extraction.model import Block
from coder.quotes.detect import detect_quotes


def only(text: str, **kwargs):
    (quote,) = detect_quotes(text, **kwargs)
    assert text[quote.start:quote.end] == quote.text
    return quote


@pytest.mark.parametrize("opening, closing", [("„", "”"), ("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")])
def test_each_quote_mark_style(opening, closing):
    quote = only(f"Zij zei: {opening}Het wijkteam luisterde echt naar ons.{closing} Daarna ging het beter.")
    assert quote.text == "Het wijkteam luisterde echt naar ons."


def test_apostrophes_are_not_quotes():
    text = "De auto's van cliënt's in 's-Hertogenbosch en zo'n 't wijkteam reden 's nachts."
    assert detect_quotes(text) == []


def test_single_quoted_quote_with_apostrophes_inside():
    quote = only("Een vader: ‘We hebben de auto’s verkocht om de huur te betalen.’ Zo ging dat.")
    assert quote.text == "We hebben de auto’s verkocht om de huur te betalen."


def test_scare_quotes_are_skipped():
    assert detect_quotes('Het team werkt "wijkgericht" en „outreachend” in de wijk.') == []


def test_quote_across_line_breaks_and_nested_quote():
    text = "Hij zei: „De juf zei ‘kom maar’ en toen\nging ik naar het\nwijkteam voor hulp.” Einde."
    quote = only(text)
    assert quote.text.startswith("De juf zei ‘kom maar’") and quote.text.endswith("voor hulp.")


@pytest.mark.parametrize("text, attribution, speaker, source", [
    ("„We moesten lang wachten op hulp,” aldus een moeder.", "aldus een moeder", "moeder", None),
    ("„Ik kan nu zelf mijn post openen.” (Jaarverslag Wijkteams Arnhem 2020)",
     "Jaarverslag Wijkteams Arnhem 2020", None, "Jaarverslag Wijkteams Arnhem 2020"),
    ("„Eén plan blijft op papier, want elk systeem is anders.” (professional in onderzoek van "
     "Rekenkamer Rotterdam, 2018)", "professional in onderzoek van Rekenkamer Rotterdam, 2018",
     "professional", "Rekenkamer Rotterdam, 2018"),
    ("Een huisarts uit Noord: „Ik bel en word dezelfde dag teruggebeld.”", "Een huisarts uit Noord",
     "huisarts", None),
    ("Een moeder vertelt: „Ze kwam gewoon bij ons aan tafel zitten.”", "Een moeder vertelt", "moeder", None),
    ("„Het ging ineens veel beter met hem,” zegt de wijkcoach.", "zegt de wijkcoach", "wijkcoach", None),
])
def test_attribution_forms(text, attribution, speaker, source):
    quote = only(text)
    assert (quote.attribution, quote.speaker, quote.source) == (attribution, speaker, source)


def test_italic_paragraph_is_a_quote_with_its_source_line():
    text = ("Inleiding van het hoofdstuk.\n\nIk mocht zelf bepalen wat de eerste stap was en dat gaf rust."
            "\n\n(inwoner, Jaarverslag Sociaal Wijkteam Dalem 2021)")
    start = text.index("Ik mocht")
    end = text.index("rust.") + 5
    blocks = [Block(0, 27, "paragraph"), Block(start, end, "quote"), Block(end + 2, len(text), "paragraph")]
    quote = only(text, italics=[(start, end)], blocks=blocks)
    assert quote.text.startswith("Ik mocht") and quote.speaker == "inwoner"
    assert quote.source == "Jaarverslag Sociaal Wijkteam Dalem 2021"


def test_abbreviations_do_not_end_sentences():
    from coder.quotes.nlp import sentence_spans

    text = "Het team helpt o.a. ouders, bijv. met opvoedvragen. Daarna volgt de evaluatie."
    assert len(sentence_spans(text)) == 2
