"""A wijkteam annual report in brochure style, written for the quote gold (issue 16).

Two columns per A4 page, a running header and footer, headings, bullets, a caption, a
small table, an italic quote block with its source line, back-to-back quotations,
quotes that run across a column and a page break, parenthesised sources and speech
verbs. The text is made up for this test; its gold is ``brochure.yaml`` (written by
reading the rendered pages). Build: ``python -m tests.quotes.gold.brochure OUT.pdf``.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

TITLE = "Jaarverslag Wijkteams Rivierstad 2022"
LINES_PER_COLUMN = 47
WIDTH = 46  # characters per column line

# (style, text): "h" heading, "p" paragraph, "i" italic paragraph, "b" bullet, "c" caption, "t" table row
CONTENT: list[tuple[str, str]] = [
    ("h", "1. Inleiding"),
    ("p", "In 2022 werkten de wijkteams van Rivierstad in vijf wijken. Dit verslag laat zien wat de "
          "teams deden en wat inwoners, professionals en partners daarvan vonden. We gebruiken daarvoor "
          "de gesprekken uit het kwalitatief onderzoek en de cijfers uit onze registratie."),
    ("p", "Een moeder vertelt: „Ik wist eerst niet waar ik terecht kon. Via de school kwam ik bij het "
          "wijkteam en daar werd ik meteen geholpen.” Dat beeld zien we vaker terug in de gesprekken."),
    ("h", "Preventie en eigen kracht"),
    ("p", "Inwoners noemen vooral dat zij zelf de regie houden. „Ik mocht zelf bepalen wat de eerste stap "
          "was. Dat was wennen, maar nu weet ik hoe ik het aanpak.” (inwoner in kwalitatief onderzoek "
          "gemeente Rivierstad, 2019)"),
    ("b", "– Wijkteams vergroten de zelfredzaamheid van inwoners"),
    ("b", "– Het netwerk rond een gezin wordt vaker ingezet"),
    ("b", "– Vrijwilligers nemen een deel van de begeleiding over"),
    ("p", ""),
    ("p", "Over de wachttijden zijn inwoners minder positief. „We hebben vier maanden gewacht op een plek "
          "bij de jeugd-ggz.” „Het wijkteam kwam wel langs, maar kon eigenlijk niets meer doen.” "
          "„Toen de hulp er eindelijk was, ging het snel beter met onze zoon.” Deze drie uitspraken van "
          "ouders komen uit dezelfde focusgroep."),
    ("c", "Figuur 1 Aantal aanmeldingen bij de wijkteams per kwartaal in 2022"),
    ("t", "Kwartaal     Q1    Q2    Q3    Q4"),
    ("t", "Aanmeldingen 412   398   377   455"),
    ("h", "IV. Handelen met een brede blik"),
    ("p", "Professionals zien dat een brede blik loont. „Als je alleen naar de vraag kijkt waarmee iemand "
          "binnenkomt, mis je de helft. Achter een vraag over schulden zit vaak ook eenzaamheid of een kind "
          "dat niet meer naar school gaat. Daarom gaan we altijd eerst bij mensen thuis in gesprek en nemen "
          "we de tijd om het hele verhaal te horen, ook als dat meer dan één gesprek kost. Dat maakt je "
          "sterk als team. Je weet het voor de volgende keer,” zegt een ervaren wijkcoach."),
    ("p", "Op basis van de gesprekken met partners: „De lijnen met het wijkteam zijn kort en we weten "
          "elkaar snel te vinden.” Dat geldt vooral voor de scholen en de huisartsen."),
    ("i", "De huisarts belde mij zelf op om te vragen hoe het ging. Dat had ik nooit verwacht en het gaf "
          "me het gevoel dat ik er niet alleen voor stond."),
    ("p", "(mantelzorger, Cliëntervaringsonderzoek Rivierstad 2022)"),
    ("p", "„Wij zien het wijkteam als een echte partner in de wijk,” aldus een huisarts. De samenwerking "
          "met de huisartsen is het afgelopen jaar verder verbeterd, onder meer door een vast spreekuur."),
    ("h", "Samenhangende hulp"),
    ("p", "Eén gezin, één plan, één regisseur blijft het uitgangspunt. In de praktijk lukt dat niet altijd. "
          "„Een plan maken met alle partijen kost veel tijd, en soms weet ik niet wie er nu eigenlijk "
          "verantwoordelijk is voor welk deel van de hulp aan het gezin,” vertelt een wijkteammedewerker."),
    ("p", "De wethouder is tevreden over de resultaten. „We investeren bewust in preventie, omdat het "
          "gezinnen veel ellende bespaart en op termijn ook de gemeente geld oplevert,” stelt de wethouder."),
    ("p", "Jongeren zijn kritischer. „Ik moest mijn verhaal drie keer vertellen aan steeds iemand anders. "
          "Daar werd ik echt moe van.” (jongere, 16 jaar) Het team werkt daarom aan vaste contactpersonen."),
    ("h", "Wat cliënten zeggen"),
    ("i", "Stem van de wijk"),
    ("i", "“Ze kwam gewoon bij ons aan de keukentafel zitten en luisterde eerst.” “Ik hoef mijn verhaal "
          "niet steeds opnieuw te vertellen aan weer een nieuwe hulpverlener.”"),
    ("p", "(cliënten in het Cliëntervaringsonderzoek Rivierstad 2022)"),
    ("i", "Het duurde drie maanden voordat er iemand kwam, en toen was het thuis al uit de hand gelopen. "
          "(vader, Cliëntervaringsonderzoek Rivierstad 2022)"),
    ("p", "In de jaren '90 was er nog geen wijkteam; toen ging een gezin langs vijf loketten. De term "
          "„integraal” wordt nu veel gebruikt, maar betekent voor iedereen iets anders."),
]


def layout() -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """Pour the content into columns: a list of pages of (left lines, right lines)."""
    lines: list[tuple[str, str]] = []
    for style, text in CONTENT:
        wrapped = [text] if style in "ht" else textwrap.wrap(text, WIDTH)
        lines += [(style, line) for line in wrapped]
        if style != "b" and style != "t":
            lines.append(("p", ""))
    columns = [lines[i:i + LINES_PER_COLUMN] for i in range(0, len(lines), LINES_PER_COLUMN)]
    columns.append([]) if len(columns) % 2 else None
    return [(columns[i], columns[i + 1]) for i in range(0, len(columns), 2)]


FONTS = {"h": ("Helvetica-Bold", 12), "i": ("Helvetica-Oblique", 10), "c": ("Helvetica-Oblique", 8)}


def build(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, (left, right) in enumerate(layout(), start=1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(56, 806, TITLE)
        pdf.drawString(500, 30, f"pagina {number}")
        for x, column in ((56, left), (310, right)):
            y = 770
            for style, text in column:
                font, size = FONTS.get(style, ("Helvetica", 10))
                pdf.setFont(font, size)
                pdf.drawString(x, y, text)
                y -= 15
        pdf.showPage()
    pdf.save()
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "brochure.pdf")))
