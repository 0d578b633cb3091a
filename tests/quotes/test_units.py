"""Quote units and speakers on Dutch texts written for these tests (issue 16).

One candidate per quotation, quotes that run across a page or column break, the source
kept out of the quote, no headings/bullets/captions, and a role or no speaker at all.
"""

from __future__ import annotations

import pytest

from coder.extraction.model import Block
from coder.quotes.detect import detect_quotes


def texts(text: str, **kwargs) -> list[str]:
    quotes = detect_quotes(text, **kwargs)
    assert all(text[q.start:q.end] == q.text for q in quotes)
    return [q.text for q in quotes]


def block(text: str, part: str, kind: str) -> Block:
    start = text.index(part)
    return Block(start, start + len(part), kind)


def test_adjacent_quotations_are_two_units():
    text = ("Twee ouders over de wachttijd: „We moesten drie maanden wachten op hulp.” "
            "„Daarna ging het juist heel snel en goed met ons gezin.”")
    assert texts(text) == ["We moesten drie maanden wachten op hulp.",
                           "Daarna ging het juist heel snel en goed met ons gezin."]


def test_italic_paragraph_of_quotations_is_split_into_them():
    para = ("“De wijkcoach kwam gewoon bij ons aan de keukentafel zitten.” "
            "“Ik hoef mijn verhaal niet steeds opnieuw te vertellen.” "
            "“Soms duurt het wel erg lang voordat er iets gebeurt.”")
    text = f"Wat inwoners zeggen\n\n{para}\n\nDaarna volgt de analyse."
    blocks = [block(text, "Wat inwoners zeggen", "heading"), block(text, para, "quote"),
              block(text, "Daarna volgt de analyse.", "paragraph")]
    found = texts(text, italics=[(blocks[1].start, blocks[1].end)], blocks=blocks)
    assert len(found) == 3 and found[0].startswith("De wijkcoach") and found[2].endswith("gebeurt.")


def test_back_to_back_quotations_share_the_source_after_the_last():
    text = ("“Ze luisterde eerst naar ons.” “Ik hoef niet steeds opnieuw te beginnen.” "
            "(ouders, evaluatie 2021)")
    assert [q.speaker for q in detect_quotes(text)] == ["ouder", "ouder"]


def test_nested_quotation_stays_inside_its_quote():
    text = "Een moeder: „Mijn zoon zei ‘ga nou bellen’ en toen heb ik het wijkteam gebeld.”"
    assert texts(text) == ["Mijn zoon zei ‘ga nou bellen’ en toen heb ik het wijkteam gebeld."]


def test_quote_running_across_a_page_break_mid_sentence_is_one_quote():
    text = ("Een jongere vertelt: „Ik heb geleerd om hulp te vragen. Dat maakt je sterk. Je\n\n"
            "weet het voor de volgende keer.” Daarna.")
    (quote,) = texts(text)
    assert quote.startswith("Ik heb geleerd") and quote.endswith("volgende keer.")


def test_quote_running_across_a_break_between_sentences_is_one_quote():
    text = ("Een vader: „We kregen eindelijk iemand die bleef. Dat gaf rust.\n\n"
            "Nu weten we bij wie we terechtkunnen als het weer misgaat.” (vader, evaluatie 2021)")
    (quote,) = detect_quotes(text)
    assert quote.text.endswith("misgaat.") and "\n\n" in quote.text and quote.speaker == "vader"


def test_unclosed_mark_does_not_swallow_the_next_paragraph():
    text = ("Het team noemt dit „werken vanuit vertrouwen in de inwoner.\n\n"
            "Volgend jaar willen we „meer tijd voor elk gezin vrijmaken” zegt het team.")
    assert texts(text) == ["meer tijd voor elk gezin vrijmaken"]


def test_block_quotation_runs_over_line_broken_paragraphs():
    text = ("De EDPB merkt op:\n\n“The same legal bases are still applicable.\n\nWhen relying on public "
            "interest, national law may need to be adjusted.”\n\nTen tijde van het schrijven.")
    (quote,) = texts(text)
    assert quote.startswith("The same") and quote.endswith("adjusted.")


def test_unclosed_block_quotation_stops_where_another_opens():
    text = ("Inleiding:\n\n„Dit citaat sluit nooit af en loopt door.\n\n"
            "Daarna zegt een moeder “Het is goed zo met ons gezin” en klaar.")
    assert texts(text) == ["Het is goed zo met ons gezin"]


def test_parenthesised_source_is_kept_out_and_split_into_role_and_document():
    text = ("„Ik wist eerst niet waar ik terecht kon met mijn vragen.” "
            "(inwoner in kwalitatief onderzoek gemeente Arnhem, 2019) Daarna volgt meer.")
    (quote,) = detect_quotes(text)
    assert quote.text == "Ik wist eerst niet waar ik terecht kon met mijn vragen."
    assert (quote.speaker, quote.source) == ("inwoner", "kwalitatief onderzoek gemeente Arnhem, 2019")


def test_source_inside_an_italic_paragraph_is_cut_off():
    para = ("Ze luisterde eerst, zonder meteen met oplossingen te komen. "
            "(mantelzorger, Evaluatie Wijkteams Arnhem 2021)")
    text = f"Inleiding.\n\n{para}\n\nVerder."
    b = block(text, para, "quote")
    (quote,) = detect_quotes(text, italics=[(b.start, b.end)], blocks=[b])
    assert quote.text.endswith("te komen.") and quote.speaker == "mantelzorger"
    assert quote.source == "Evaluatie Wijkteams Arnhem 2021"


def test_footnote_number_after_a_closing_mark_does_not_merge_quotations():
    text = ("Voorgesteld wordt dat de app kan worden ingezet «ter ondersteuning van de bron- en "
            "contactopsporing».15 De Commissie adviseert «het bewaren van de contacten van de personen».16")
    assert texts(text) == ["ter ondersteuning van de bron- en contactopsporing",
                           "het bewaren van de contacten van de personen"]


def test_cited_titles_are_not_quotes():
    text = ("4 Kamerbrief van 16 juli 2020, «Landelijke introductie van de Coronamelder in Nederland», "
            "kenmerk 1722926. 7 Vergelijk «Ethische analyse van de notificatie-app ter aanvulling op het "
            "bron- en contactonderzoek» van 14 juli 2020.")
    assert texts(text) == []


def test_short_quoted_phrases_are_terms_not_quotes():
    text = ("Het team werkt volgens „één gezin, één plan” en wil „werken vanuit de leefwereld” van "
            "inwoners. „Ik voel me gehoord,” zegt een moeder.")
    assert texts(text) == ["Ik voel me gehoord,"]


def test_year_apostrophe_is_not_a_quotation_mark():
    assert texts("In de jaren '90 werkten we anders, zegt hij, en in de jaren '80 ook al.") == []


def test_headings_bullets_captions_and_tables_are_not_candidates():
    heading = "Preventie en eigen kracht"
    roman = "IV. Handelen met een brede blik"
    bullet = "• Wijkteams vergroten de zelfredzaamheid van inwoners in de wijk."
    caption = "Figuur 3 Aantal meldingen bij het wijkteam per maand in 2021."
    table = "Aantal cliënten per wijk en per team in het jaar 2021 totaal"
    item = "(1) Personen die in de nabijheid van besmette personen waren worden sneller bereikt"
    body = "Het wijkteam werkt sinds 2015 in de wijk."
    parts = [heading, roman, bullet, caption, table, item, body]
    text = "\n\n".join(parts)
    blocks = [block(text, heading, "heading"), block(text, roman, "paragraph"), block(text, bullet, "list"),
              block(text, caption, "caption"), block(text, table, "table"), block(text, item, "paragraph"),
              block(text, body, "paragraph")]
    italics = [(b.start, b.end) for b in blocks[:6]]
    assert texts(text, italics=italics, blocks=blocks) == []
    assert texts(text, italics=italics) == []  # without layout: typography alone


def test_a_heading_in_quotation_marks_is_a_candidate():
    text = "„Samen sterk in de wijk”\n\nZo heet het plan van het wijkteam."
    b = block(text, "„Samen sterk in de wijk”", "heading")
    assert texts(text, blocks=[b]) == ["Samen sterk in de wijk"]


def test_pull_quote_block_is_a_candidate_with_its_dash_attribution():
    pull = "Ik durf nu zelf de telefoon te pakken als het misgaat\n— moeder van twee kinderen"
    text = f"Tekst ervoor.\n\n{pull}\n\nTekst erna."
    (quote,) = detect_quotes(text, blocks=[block(text, pull, "pullquote")])
    assert quote.text == "Ik durf nu zelf de telefoon te pakken als het misgaat"
    assert quote.speaker == "moeder"


def test_pull_quote_takes_the_attribution_block_under_it():
    pull = "„Elke dag een beetje beter worden, dat is wat ons drijft”"
    who = "Eddie Perdok, CEO"
    text = f"Tekst van de kolom.\n\n{pull}\n\n{who}\n\nVerder met de kolom."
    blocks = [block(text, pull, "pullquote"), block(text, who, "attribution")]
    (quote,) = detect_quotes(text, blocks=blocks)
    assert quote.text == "Elke dag een beetje beter worden, dat is wat ons drijft"
    assert (quote.attribution, quote.speaker) == ("Eddie Perdok, CEO", "ceo")


def test_pull_quote_block_holding_its_signature():
    pull = ("“Our transformation is gathering momentum and will unlock further value.”"
            "Frans van Houten, CEO Royal Philips")
    text = f"Message from the CEO\n\n{pull}\n\nDear Stakeholder,"
    (quote,) = detect_quotes(text, blocks=[block(text, pull, "pullquote")])
    assert quote.text == "Our transformation is gathering momentum and will unlock further value."
    assert (quote.attribution, quote.speaker) == ("Frans van Houten, CEO Royal Philips", "ceo")


def test_italic_paragraph_in_a_sidebar_is_a_candidate():
    side = "Ik had nooit gedacht dat ik zelf weer de regie zou krijgen over mijn geldzaken."
    text = f"Kader\n\n{side}\n\nDe rest."
    b = block(text, side, "sidebar")
    (quote,) = detect_quotes(text, italics=[(b.start, b.end)], blocks=[block(text, "Kader", "heading"), b])
    assert quote.text == side


def test_italic_quote_start_is_not_cut_off():
    text = ("Over de eerste weken zegt zij dat het lastig was. Ik wist niet wat ik kon verwachten van "
            "het wijkteam, maar ze kwamen gewoon langs. Daarna ging het beter.")
    start = text.index("Ik wist")
    end = text.index("langs.") + len("langs")
    para = Block(0, len(text), "paragraph")
    (quote,) = detect_quotes(text, italics=[(start, end)], blocks=[para])
    assert quote.text == "Ik wist niet wat ik kon verwachten van het wijkteam, maar ze kwamen gewoon langs."


def test_italic_body_type_is_no_quote_signal():
    para = "De Afdeling adviseert het wetsvoorstel op dit punt nader te motiveren en aan te vullen. "
    text = "\n\n".join(para * 3 for _ in range(20))
    blocks, pos = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block(pos, pos + len(part), "quote"))
        pos += len(part) + 2
    assert detect_quotes(text, italics=[(b.start, b.end) for b in blocks], blocks=blocks) == []


@pytest.mark.parametrize("text, speaker", [
    ("„We moesten lang wachten op hulp voor ons kind,” aldus een ouder.", "ouder"),
    ("„Ze belde gewoon elke week even op,” vertelt een moeder.", "moeder"),
    ("„Ik wist niet dat het wijkteam bestond,” zegt een vader.", "vader"),
    ("„Ik mocht zelf zeggen wat ik wilde veranderen.” (jongere, 16 jaar)", "jongere"),
    ("„Eindelijk iemand die echt luisterde naar mij.” (cliënt, Cliëntervaringsonderzoek 2022)", "cliënt"),
    ("„Ik sta er niet meer alleen voor met de zorg.” (mantelzorger in interview, 2020)", "mantelzorger"),
    ("„De lijnen met school zijn nu echt heel kort,” zegt een ervaren wijkcoach.", "wijkcoach"),
    ("Een wijkteammedewerker: „We zien vaker gezinnen met schulden dan vroeger.”", "wijkteammedewerker"),
    ("„Ik word dezelfde dag nog teruggebeld door het team,” aldus de huisarts.", "huisarts"),
    ("„We investeren bewust in preventie in de wijken,” stelt de wethouder.", "wethouder"),
    ("„Je moet er echt zijn voor gezinnen,” vertelt Jan (43), vader van twee kinderen.", "vader"),
    ("„Het helpt dat je elkaar kent in de wijk.” (professional in focusgroep, Evaluatie 2021)",
     "professional"),
    ("„We stemmen alles af in één plan met het gezin,” aldus een jeugd- en gezinswerker.",
     "jeugd- en gezinswerker"),
    ("„Ik heb er weer zin in om naar school te gaan,” zegt een meisje van 15.", "meisje"),
    ("Op basis van de gesprekken met partners: „De lijnen met het wijkteam zijn kort.”", "partner"),
    ("„We hebben elkaar nodig in de wijk,” zeggen de jongeren.", "jongere"),
])
def test_speaker_role(text, speaker):
    (quote,) = detect_quotes(text)
    assert quote.speaker == speaker


@pytest.mark.parametrize("text", [
    "Op basis van de gesprekken is de conclusie: „De toegang is nog niet overal even helder.”",
    "„De gegevens mogen niet voor andere doeleinden worden gebruikt,” aldus de toelichting.",
    "„Het wijkteam is in 2015 van start gegaan in alle wijken.” (Jaarverslag Wijkteams Arnhem 2020)",
])
def test_no_speaker_without_a_role(text):
    (quote,) = detect_quotes(text)
    assert quote.speaker is None


def test_document_source_without_role():
    (quote,) = detect_quotes("„Het wijkteam is in 2015 van start gegaan in de wijk.” "
                             "(Jaarverslag Wijkteams Arnhem 2020)")
    assert (quote.speaker, quote.source) == (None, "Jaarverslag Wijkteams Arnhem 2020")


def test_a_moved_pull_quote_starts_on_its_own_page():
    """The layout writes a pull quote after the paragraph it interrupts, which may run on
    to the next page: the quote's page is the page its block was printed on."""
    pull = "„Elke dag een beetje beter worden, dat is wat ons drijft”"
    text = f"Een alinea die doorloopt op de volgende pagina en daar eindigt.\n\n{pull}\n\nVerder."
    start = text.index(pull)
    (quote,) = detect_quotes(text, blocks=[Block(start, start + len(pull), "pullquote", page=4)])
    assert quote.page == 4
    (plain,) = detect_quotes(text, blocks=[Block(start, start + len(pull), "paragraph", page=4)])
    assert plain.page is None  # a running paragraph: its page comes from the text offsets


def test_stored_quote_takes_the_block_page(project):
    from coder.quotes.model import CandidateQuote
    from coder.quotes.store import PageIndex, insert_detected

    doc = project.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
    project.execute("DELETE FROM quotes WHERE doc_id = ?", [doc])
    text = project.execute("SELECT text FROM document_texts WHERE doc_id = ?", [doc]).fetchone()[0]
    insert_detected(project, doc, [CandidateQuote(0, 10, text[:10], page=7)],
                    PageIndex([(1, 0, len(text))]))
    row = project.execute("SELECT page, end_page FROM quotes WHERE doc_id = ?", [doc]).fetchone()
    assert tuple(row) == (7, 7)


def test_detector_reads_exactly_the_block_kinds_the_extraction_stores():
    from coder.extraction.model import BLOCK_KINDS
    from coder.quotes.detect import MOVED_KINDS, NEVER_KINDS, TYPOGRAPHIC_KINDS
    from coder.store.migrations import BLOCK_KINDS_V12

    assert TYPOGRAPHIC_KINDS | NEVER_KINDS == BLOCK_KINDS == set(BLOCK_KINDS_V12)
    assert not TYPOGRAPHIC_KINDS & NEVER_KINDS and MOVED_KINDS <= BLOCK_KINDS


@pytest.mark.parametrize("kind", ["heading", "caption", "footnote", "table", "attribution"])
def test_italic_text_in_a_non_flow_block_is_never_a_candidate(kind):
    body = "Het wijkteam werkt nu in alle vijf de wijken van de stad samen."
    text = f"Inleiding.\n\n{body}\n\nVerder."
    b = block(text, body, kind)
    assert detect_quotes(text, italics=[(b.start, b.end)], blocks=[b]) == []
    quoted = text.replace(body, f"„{body}”")
    assert texts(quoted, blocks=[block(quoted, f"„{body}”", kind)]) == [body]
