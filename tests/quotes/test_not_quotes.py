"""What is in quotation marks or italics but is no one's words (issue 16, precision on
real text): a quoted name right after a number, and italics that finish a lead-in sentence.

Written for the false candidates of the Philips annual report (pp. 38-45: SDG numbers with
their titles in marks; p. 4: three strategy drivers in italics after a colon), stated as
rules and checked on Dutch and English texts both ways.
"""

from __future__ import annotations

import pytest

from tests.quotes.test_units import block, texts


@pytest.mark.parametrize("text", [
    'This contributes to SDG 13 ("take urgent action to combat climate change and its impacts").',
    "Goals 3 (“to ensure healthy lives and promote well-being for all”) or 12 (“to ensure "
    "sustainable consumption and production patterns”) both apply.",
    "Het gaat om doel 4.2 („iedereen kan meedoen in de eigen wijk en buurt”) uit het beleidsplan.",
])
def test_a_quoted_name_of_a_numbered_item_is_no_quote(text):
    assert texts(text) == []


@pytest.mark.parametrize("text, quote", [
    # a sentence in the parenthesis is someone's words, whatever stands before it
    ("Zij gaven het team een 8 („Ze luisterden echt naar me en dachten mee.”) in de enquête.",
     "Ze luisterden echt naar me en dachten mee."),
    # not right after a number
    ("Een moeder (“we voelden ons eindelijk gehoord door de wijkcoach”) was tevreden.",
     "we voelden ons eindelijk gehoord door de wijkcoach"),
])
def test_other_parenthesised_quotations_stay(text, quote):
    assert texts(text) == [quote]


def _italic_after(lead_in: str, italic: str) -> list[str]:
    text = f"{lead_in}\n\n{italic}\n\nDaarna volgt de analyse van de cijfers."
    blocks = [block(text, lead_in, "paragraph"), block(text, italic, "quote"),
              block(text, "Daarna volgt de analyse van de cijfers.", "paragraph")]
    return texts(text, italics=[(blocks[1].start, blocks[1].end)], blocks=blocks)


@pytest.mark.parametrize("lead_in, italic", [
    ("We have identified three main drivers of continued growth and improved profitability:",
     "Better serve customers and improve quality; Boost growth in core business; Win with solutions."),
    ("Het wijkteam werkt in het nieuwe jaar aan drie opgaven die samen het plan vormen:",
     "Eerder in beeld bij gezinnen; Minder doorverwijzen naar specialistische zorg; Samen met de school."),
])
def test_italics_that_finish_a_lead_in_sentence_are_emphasis(lead_in, italic):
    assert _italic_after(lead_in, italic) == []


@pytest.mark.parametrize("lead_in", [
    "Een moeder vertelt over het eerste gesprek:",
    "Wat inwoners zeggen over het wijkteam:",
    "Fatima (34):",
    "As one of the nurses explained to us after the pilot:",
    "Daarna was het stil.",  # no lead-in at all: an italic paragraph of its own
])
def test_italic_quotes_after_someone_speaking_stay(lead_in):
    italic = "Ik hoef mijn verhaal niet steeds opnieuw te vertellen aan een nieuwe hulpverlener."
    assert _italic_after(lead_in, italic) == [italic]



@pytest.mark.parametrize("text", [
    "Our responsibilities are described in the “Our responsibilities for the audit of the financial "
    "statements” section of our report.",
    "De bedragen staan in de ‘Overige lasten van het wijkteam Noord’ regel van de begroting.",
    "We complied with the “Verordening inzake de onafhankelijkheid van accountants” (ViO, a code).",
    "based on the “Internal Control – Integrated Framework (2013)” established by the Committee.",
    "The amount presented under ‘Transfer to liabilities directly associated with assets’ relates to 2017.",
])
def test_labels_names_and_titles_in_marks_are_no_quotes(text):
    assert texts(text) == []


def test_a_short_phrase_with_a_bare_aside_is_a_term():
    text = "Most reports concern ‘Respectful treatment’ and ‘Equal and fair treatment’ (41% and 25%)."
    assert texts(text) == []


def test_a_short_quote_with_a_speaker_in_parentheses_stays():
    text = "Het antwoord was kort: „Ik voel me gehoord.” (moeder, 2021)"
    assert texts(text) == ["Ik voel me gehoord."]


@pytest.mark.parametrize("italic, kept", [
    ("Key assumptions and sensitivity analysis relating to cash-generating units to which a "
     "significant amount of goodwill is allocated", False),
    ("Erkenning door de landelijke vereniging van wijkteams voor de aanpak in Noord (LVW)", False),
    ("Ik hoef mijn verhaal niet steeds opnieuw te vertellen aan iemand anders (moeder)", True),
    ("Ik hoef mijn verhaal niet steeds opnieuw te vertellen aan iemand anders. (moeder, 2021)", True),
])
def test_an_italic_paragraph_is_a_quote_only_when_it_ends_as_a_sentence(italic, kept):
    assert bool(_italic_after("Daarna was het stil.", italic)) is kept


@pytest.mark.parametrize("text, found", [
    ("based on ISAE 3000, “Assurance Engagements other than Audits or Reviews of Historical Financial "
     "Information” applies.", []),
    ("Zie de “Methodology for calculating Environmental Profit & Loss Account” op de website.", []),
    ("De wethouder: “Wij willen dat Arnhem en Nijmegen samen optrekken met de wijkteams”",
     ["Wij willen dat Arnhem en Nijmegen samen optrekken met de wijkteams"]),
])
def test_names_in_title_case_are_no_quotes_but_sentences_with_names_are(text, found):
    assert texts(text) == found


def test_a_speaker_in_capitals_is_no_abbreviation():
    text = "Uit de evaluatie: „We zagen de gezinnen nu veel eerder dan vroeger” (GGD-medewerker, 2020)."
    assert texts(text) == ["We zagen de gezinnen nu veel eerder dan vroeger"]


@pytest.mark.parametrize("text, found", [
    ("The jury: ‘Philips’ approach to sustainable supply chains is an inspiring example for others’",
     ["Philips’ approach to sustainable supply chains is an inspiring example for others"]),
    ("Ze noemt de ‘wijkteams’ en de ‘buurtteams van de gemeente’ in één adem.", []),
    ("Een moeder: ‘Het ging echt om de ouders’ zegt ze, en dat klopt.",
     ["Het ging echt om de ouders"]),
])
def test_a_possessive_apostrophe_does_not_close_a_quote(text, found):
    assert texts(text) == found


def test_a_plural_before_a_lowercase_word_still_closes():
    text = "Data help us ‘join up the dots’ for patients and for our customers’ families."
    assert texts(text) == []


@pytest.mark.parametrize("lead_in", [
    "Uit de interviews:", "Ervaringen van inwoners:", "Een ouder over de wachttijd:",
    "In their own words:", "Enkele reacties uit de enquête:",
])
def test_an_italic_quote_after_a_lead_in_that_announces_voices_stays(lead_in):
    italic = "Ik wist niet waar ik moest beginnen, maar de wijkcoach nam echt de tijd voor ons."
    assert _italic_after(f"Het wijkteam deed veel. {lead_in}", italic)
