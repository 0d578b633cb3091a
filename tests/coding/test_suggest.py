"""Keyword suggestions: lemma, compound and multi-word matches, and the fast matcher
agreeing with the plain definition of a match on every keyword of the real codebook."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.codebook import load_codebook
from coder.coding.suggest import LINKS, MIN_COMPOUND, Matcher, suggest_for_codebook
from coder.quotes.nlp import lemmas

CODEBOOK = load_codebook(Path(__file__).resolve().parents[2] / "codebook.yaml")


def codes_for(text: str) -> dict[str, str]:
    return {s.code: s.matched for s in suggest_for_codebook(text, CODEBOOK)}


def test_inflected_form_matches_through_its_lemma():
    found = codes_for("Veel gezinnen staan op wachtlijsten.")
    assert found["bel_wachttijden"] == "wachtlijsten"


def test_compound_ending_in_a_keyword_matches():
    assert codes_for("De jeugdwachtlijst groeit.")["bel_wachttijden"] == "jeugdwachtlijst"


def test_compound_starting_with_keyword_and_linking_s_matches():
    assert "vertrouwen" in codes_for("Er ontstond een vertrouwensrelatie met de gezinscoach.")


def test_multi_word_keyword_matches_as_a_sequence():
    found = codes_for("Door de korte lijnen met school ging het snel.")
    assert found["we_investeren_relatie_partners"] == "korte lijnen"


def test_short_keyword_does_not_match_inside_other_words():
    # "wijk" (4 letters) is below MIN_COMPOUND, so "wijkteam" is not a hit for it
    assert len("wijk") < MIN_COMPOUND
    assert all(s.keyword != "wijk" for s in suggest_for_codebook("Het wijkteam helpt.", CODEBOOK))


def test_reason_is_the_word_in_the_quote_with_its_offsets():
    text = "Ik voelde me veilig bij haar."
    hit = next(s for s in suggest_for_codebook(text, CODEBOOK) if s.code == "vertrouwen")
    assert text[hit.start:hit.end] == hit.matched == "veilig"


def test_no_keywords_no_suggestions():
    assert suggest_for_codebook("Xyz qwv.", CODEBOOK) == []


# --- the fast matcher against the plain definition --------------------------------------

def plain_first_match(parts: tuple[str, ...], tokens) -> tuple[int, int] | None:
    """The definition of a match, written for clarity rather than speed."""
    for i in range(len(tokens) - len(parts) + 1):
        window = tokens[i:i + len(parts)]
        if len(parts) == 1:
            word, lemma, start, end = window[0]
            key = parts[0]
            if key in (word, lemma):
                return start, end
            if len(key) >= MIN_COMPOUND and (
                    word.endswith(key) or lemma.endswith(key)
                    or any(word.startswith(key + link) and len(word) > len(key + link) + 2
                           for link in LINKS)):
                return start, end
        elif all(part in (word, lemma) for part, (word, lemma, _, _) in zip(parts, window)):
            return window[0][2], window[-1][3]
    return None


def plain_suggest(matcher: Matcher, text: str) -> list[tuple[str, str, int, int]]:
    tokens = lemmas(text)
    hits: dict[str, list[tuple[str, str, int, int]]] = {}
    for keyword in matcher.keywords:
        found = plain_first_match(keyword.parts, tokens)
        if found:
            hits.setdefault(keyword.code.key, []).append((keyword.code.key, keyword.text, *found))
    ranked = sorted(hits.values(), key=lambda group: (-len(group), matcher.order[group[0][0]]))
    return [group[0] for group in ranked]


MATCHER = Matcher(CODEBOOK.all_codes())
VOCABULARY = sorted({word for k in MATCHER.keywords for word in k.text.split()}
                    | {"de", "het", "een", "wijkteam", "jeugd", "s", "en", "heel", "niet", "lijnen",
                       "wachtlijsten", "vertrouwensband", "samenwerkingen", "netwerken", "ouders"})
words = st.lists(st.one_of(st.sampled_from(VOCABULARY),
                           st.builds(lambda a, b: a + b, st.sampled_from(VOCABULARY),
                                     st.sampled_from(VOCABULARY))),
                 max_size=30)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words)
def test_fast_matcher_equals_the_plain_definition(sentence):
    text = " ".join(sentence) + "."
    fast = [(s.code, s.keyword, s.start, s.end) for s in MATCHER.suggest(text)]
    assert fast == plain_suggest(MATCHER, text)


@pytest.mark.parametrize("text", [
    "Het vertrouwen groeide: korte lijnen, een vaste contactpersoon en geen wachtlijst.",
    "Ouders ervaren de jeugdwachtlijst als lang; de samenwerking met de huisarts is goed.",
])
def test_fast_matcher_equals_the_plain_definition_on_prose(text):
    fast = [(s.code, s.keyword, s.start, s.end) for s in MATCHER.suggest(text)]
    assert fast == plain_suggest(MATCHER, text)


def test_tone_and_speaker_are_not_suggested_from_words_in_the_quote():
    """Issue 17: `niet` suggested Negatief, `goed` Positief, `inwoners` the speaker Inwoner."""
    found = suggest_for_codebook("De wijkcoach: het ging niet goed met de inwoners, de wachtlijst groeide.",
                                 CODEBOOK)
    facets = {s.facet for s in found}
    assert "valentie" not in facets and "spreker" not in facets
    assert "bel_wachttijden" in {s.code for s in found}  # content facets keep their keyword suggestions


def test_speaker_is_suggested_from_the_detected_role_only():
    found = suggest_for_codebook("Ik werd eindelijk gehoord.", CODEBOOK, speaker="moeder")
    assert [(s.code, s.source, s.reason) for s in found] == [("inwoner_client", "speaker",
                                                              "speaker “moeder” (detected)")]
    assert suggest_for_codebook("Ik werd eindelijk gehoord.", CODEBOOK, speaker="de buurman") == []


def test_a_suggestion_lists_every_word_that_matched():
    hit = next(s for s in suggest_for_codebook("We moesten maanden wachten op de wachtlijst.", CODEBOOK)
               if s.code == "bel_wachttijden")
    assert hit.words == ("maanden", "wachten", "wachtlijst")
    assert hit.reason == "“maanden”, “wachten”, “wachtlijst”"
