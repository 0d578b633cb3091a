"""Generated magazine-style PDFs with their gold, written as they are laid out.

Designed wijkteam brochures are what the real-document set lacks: two-page spreads on
landscape sheets, three and four narrow columns, pull quotes in large capitals with an
attribution line, photo captions, shaded sidebars, a running header that changes per
chapter, odd/even footers, a ruled table beside a column of text, bare page numbers.
The Dutch prose is composed from templates written for this file (every sentence
unique), so the gold is known by construction: every body sentence with its printed
page, every furniture string, every quote with its start page and speaker role.

``build(name, folder)`` writes ``<name>.pdf`` and returns its :class:`Gold`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

A4 = (595.28, 841.89)
WIJKEN = [
    "Oost",
    "Noord",
    "Kanaleneiland",
    "Overvecht",
    "De Meern",
    "Zuilen",
    "Hoograven",
    "Lunetten",
    "Tuindorp",
    "Rivierenwijk",
    "Vleuten",
    "Leidsche Rijn",
    "Wittevrouwen",
    "Ondiep",
]
ROLLEN = [
    "wijkcoaches",
    "jeugd|consulenten",
    "schuld|hulpverleners",
    "buurt|werkers",
    "ouderen|adviseurs",
    "maatschappelijk werkers",
    "gezins|coaches",
]
PARTNERS = [
    "de huisarts",
    "het consultatiebureau",
    "de woningcorporatie",
    "de basisschool",
    "de politie",
    "het buurthuis",
    "de voedselbank",
    "de GGD",
    "de wijkverpleging",
    "de bibliotheek",
]
ONDERWERPEN = [
    "schulden",
    "eenzaamheid",
    "opvoed|vragen",
    "mantel|zorg",
    "huisvesting",
    "werk en inkomen",
    "echtscheiding",
    "jeugd|hulp",
    "dagbesteding",
    "taal en digitale vaardigheden",
    "geldzorgen",
    "burenruzies",
    "psychische klachten",
    "school|verzuim",
]
MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
EIGENSCHAPPEN = [
    "geduld",
    "vakmanschap",
    "vertrouwen",
    "doorzettings|vermogen",
    "nieuwsgierigheid",
    "lef",
    "samenwerking",
    "tijd",
]
TEMPLATES = [
    "In {wijk} spraken de {rol} in {maand} met {n} huishoudens over {onderwerp}.",
    "Samen met {partner} ontwikkelden de {rol} een aanpak voor {onderwerp} "
    "die in {wijk} {n} keer werd ingezet.",
    "Het aantal aanmeldingen over {onderwerp} steeg in {maand} met {p} procent ten opzichte van vorig jaar.",
    "Dat vraagt om {eig} en om korte lijnen met {partner}, zeker in een wijk als {wijk}.",
    "Bewoners konden op {n} middagen zonder afspraak binnenlopen bij {partner} in {wijk}.",
    "Vrijwilligers legden in {maand} samen {m} huis|bezoeken af, "
    "vaak bij mensen die zelf nooit om hulp vragen.",
    "De wachttijd voor een eerste gesprek over {onderwerp} daalde naar {n} dagen.",
    "Voor {onderwerp} werkte het team in {wijk} met een vast aanspreekpunt bij {partner}.",
    "Uit de evaluatie blijkt dat {p} procent van de bewoners in {wijk} "
    "tevreden is over de hulp bij {onderwerp}.",
    "Niet elke vraag past in een hokje, en juist daar maken de {rol} het verschil met {eig}.",
    "In {m} gevallen verwezen de {rol} door naar {partner}, meestal na een tweede gesprek.",
    "Het spreekuur over {onderwerp} in {wijk} trok in {maand} ruim {m} bezoekers.",
]
QUOTES = [
    ("Ik durfde eerst niet te bellen, maar nu weet ik de weg naar het team", "inwoner"),
    ("We zien dat gezinnen sneller geholpen worden als we samen aan tafel zitten", "wijkcoach"),
    ("Mijn zoon gaat weer elke dag met plezier naar school", "moeder"),
    ("De korte lijn met het wijkteam scheelt mij veel zoekwerk", "huisarts"),
    ("Zonder de buurtwerker was ik echt vastgelopen met mijn post", "cliënt"),
    ("Het gaat niet om één loket, het gaat om mensen die elkaar kennen", "professional"),
    ("Ik kreeg eindelijk het gevoel dat iemand naar mij luisterde", "jongere"),
    ("We leren van elke casus en nemen dat mee naar het volgende gezin", "jeugdconsulent"),
]
PULL_QUOTES = [
    ("‘We komen nu echt achter de voordeur’", "Sanne de Vries", "wijkcoach"),
    ("‘Elke dag een beetje beter voor de wijk’", "Karim El Idrissi", "teamleider"),
    ("‘Hulp dichtbij werkt, dat zien we elke week’", "Ingrid Bos", "huisarts"),
    ("‘Ik voel me weer gezien in mijn eigen buurt’", "Joyce Martens", "inwoner"),
    ("‘Samen met school houden we kinderen in beeld’", "Peter Jansen", "jeugdconsulent"),
    ("‘Mijn schulden zijn eindelijk overzichtelijk’", "Fatma Yilmaz", "cliënt"),
    ("‘De wijkverpleging en wij lopen elkaar nu echt tegen het lijf’", "Marco Visser", "buurtwerker"),
    ("‘Niemand hoeft hier alleen te blijven zitten’", "Els de Boer", "vrijwilliger"),
    ("‘Wij zijn er ook als het even niet gaat’", "Ahmed Bakkali", "wijkcoach"),
    ("‘Mijn moeder kan weer zelfstandig thuis wonen’", "Linda Smit", "mantelzorger"),
]
END = None  # marks the end of a paragraph in the word stream
SPEECH = ["zegt een {role}", "vertelt een {role}", "aldus een {role}"]


@dataclass
class Gold:
    """What a reader of the printed pages finds; see ``tests/extraction/gold/README.md``."""

    name: str
    kind: str
    file: str = ""
    sentences: list[dict[str, Any]] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    page_numbers: list[int] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)


@dataclass
class Spec:
    """One document design."""

    name: str
    kind: str
    sheet: tuple[float, float]
    halves: int  # printed pages per sheet: 2 for spreads
    columns: int
    sheets: int
    chapters: list[str]
    margin: float = 45.0
    body: float = 9.5
    leading: float = 12.5
    gutter: float = 14.0
    pull_every: int = 2  # a pull quote on every n-th printed page
    caption_every: int = 3
    sidebar_every: int = 4
    table_every: int = 0
    bare_numbers: bool = False
    header_title: str = "Jaarverslag Wijkteams 2023"


SPECS = {
    "spread_brochure": Spec(
        "spread_brochure",
        "spread",
        (A4[1] * 2 * 0.7071, A4[1]),
        2,
        2,
        5,
        ["Samen in de wijk", "Jeugd en gezin", "Geld en werk"],
    ),
    "spread_three_columns": Spec(
        "spread_three_columns",
        "spread",
        (A4[1] * 2 * 0.7071, A4[1]),
        2,
        3,
        4,
        ["Ons jaar", "Wonen en zorg", "Vooruit"],
        body=8.5,
        leading=11.0,
        bare_numbers=True,
    ),
    "three_columns": Spec(
        "three_columns",
        "columns",
        A4,
        1,
        3,
        6,
        ["Inleiding", "Jeugd", "Ouderen", "Financiën"],
        body=9.0,
        leading=11.5,
        table_every=3,
        bare_numbers=True,
    ),
    "four_columns": Spec(
        "four_columns",
        "columns",
        (A4[1], A4[0]),
        1,
        4,
        5,
        ["Wijkbeeld", "Aanpak", "Resultaten"],
        body=8.5,
        leading=10.8,
        pull_every=2,
        sidebar_every=3,
    ),
    "two_columns_table": Spec(
        "two_columns_table",
        "columns",
        A4,
        1,
        2,
        6,
        ["Inleiding", "Werkwijze", "Cijfers", "Conclusies"],
        table_every=2,
        caption_every=2,
        sidebar_every=0,
        pull_every=3,
    ),
}


class Writer:
    """Lays out prose into column frames and records the gold while drawing."""

    def __init__(self, spec: Spec, path: Path) -> None:
        from reportlab.pdfgen import canvas

        self.spec = spec
        self.rng = random.Random(spec.name)
        self.canvas = canvas.Canvas(str(path), pagesize=spec.sheet, invariant=1)
        self.gold = Gold(spec.name, spec.kind, str(path))
        self.used: set[str] = set()
        self.quote_i = 0
        self.pull_i = 0
        self.pdf_page = 1

    # ---- text -------------------------------------------------------------------------
    def sentence(self) -> str:
        for _ in range(200):
            t = self.rng.choice(TEMPLATES)
            s = t.format(
                wijk=self.rng.choice(WIJKEN),
                rol=self.rng.choice(ROLLEN),
                maand=self.rng.choice(MAANDEN),
                n=self.rng.randint(3, 95),
                m=self.rng.randint(100, 2400),
                p=self.rng.randint(4, 60),
                onderwerp=self.rng.choice(ONDERWERPEN),
                partner=self.rng.choice(PARTNERS),
                eig=self.rng.choice(EIGENSCHAPPEN),
            )
            if s not in self.used:
                self.used.add(s)
                return s
        raise RuntimeError("templates exhausted")

    def paragraph(self) -> list[tuple[str, dict[str, Any] | None]]:
        """Sentences, sometimes one with an inline quotation and its speaker."""
        parts: list[tuple[str, dict[str, Any] | None]] = []
        for i in range(self.rng.randint(3, 6)):
            if i == 1 and self.rng.random() < 0.35:
                text, role = QUOTES[self.quote_i % len(QUOTES)]
                text = f"{text}, hier in {WIJKEN[(self.quote_i // len(QUOTES)) % len(WIJKEN)]}"  # unique
                self.quote_i += 1
                verb = SPEECH[self.quote_i % len(SPEECH)].format(role=role)
                parts.append((f"„{text}”, {verb}.", {"text": text, "speaker": role}))
            else:
                parts.append((self.sentence(), None))
        return parts

    # ---- page geometry ----------------------------------------------------------------
    def half_box(self, half: int) -> tuple[float, float]:
        w = self.spec.sheet[0] / self.spec.halves
        return half * w + self.spec.margin, (half + 1) * w - self.spec.margin

    def frames(self, half: int, top: float) -> list[list[float]]:
        x0, x1 = self.half_box(half)
        n, g = self.spec.columns, self.spec.gutter
        cw = (x1 - x0 - g * (n - 1)) / n
        bottom = self.spec.margin + 30
        return [[x0 + i * (cw + g), cw, top, bottom] for i in range(n)]

    def width(self, text: str, size: float, font: str = "Helvetica") -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, font, size)

    # ---- drawing ----------------------------------------------------------------------
    def draw_furniture(self, half: int, printed: int, chapter: str) -> None:
        c, h = self.canvas, self.spec.sheet[1]
        x0, x1 = self.half_box(half)
        c.setFont("Helvetica", 7.5)
        left_page = printed % 2 == 0
        header = f"{self.spec.header_title}" if left_page else f"Hoofdstuk · {chapter}"
        (c.drawString if left_page else c.drawRightString)(x0 if left_page else x1, h - 28, header)
        self.gold.furniture.append(header)
        if self.spec.bare_numbers:
            c.drawCentredString((x0 + x1) / 2, 22, str(printed))
        else:
            footer = "Wijkteams Utrechtse Heuvelrug" if left_page else "Samen sterk in de wijk"
            if left_page:
                c.drawString(x0, 22, f"{printed}   {footer}")
            else:
                c.drawRightString(x1, 22, f"{footer}   {printed}")
            self.gold.furniture.append(footer)
        self.gold.page_numbers.append(printed)

    def obstacles(self, printed: int, frames: list[list[float]], half: int) -> list[tuple[int, float, float]]:
        """Reserve room in some columns: pull quote, photo + caption, sidebar, table."""
        c, s = self.canvas, self.spec
        out: list[tuple[int, float, float]] = []
        n = len(frames)
        if s.pull_every and printed % s.pull_every == 0:
            col = 1 if n > 2 else 0
            span = 2 if n >= 3 else 1
            x, top = frames[col][0], frames[col][2] - 150
            w = frames[col + span - 1][0] + frames[col + span - 1][1] - x
            text, name, role = PULL_QUOTES[self.pull_i % len(PULL_QUOTES)]
            self.pull_i += 1
            size = 15.0
            lines = self.wrap(text.upper(), w - 10, size, "Helvetica-Bold")
            y = top
            c.setFont("Helvetica-Bold", size)
            for line in lines:
                y -= size * 1.2
                c.drawString(x + 5, y, line.replace("|", ""))
            c.setFont("Helvetica", 8)
            y -= 14
            c.drawString(x + 5, y, f"{name}, {role}")
            bottom = y - 10
            for k in range(col, col + span):
                out.append((k, top + 4, bottom))
            self.gold.quotes.append(
                {
                    "text": text.strip("‘’"),
                    "speaker": role,
                    "page": self.pdf_page,
                    "printed": printed,
                    "pull": True,
                }
            )
        if s.caption_every and printed % s.caption_every == 1:
            col = n - 1
            x, cw, top, _ = frames[col]
            ph = 110
            c.setFillGray(0.8)
            c.rect(x, top - ph, cw, ph, stroke=0, fill=1)
            c.setFillGray(0)
            cap = self.sentence().replace("|", "").rstrip(".")
            cap = f"Foto: {cap}."
            c.setFont("Helvetica-Oblique", 7)
            y = top - ph - 9
            for line in self.wrap(cap, cw, 7, "Helvetica-Oblique"):
                c.drawString(x, y, line.replace("|", ""))
                y -= 8.5
            self.gold.sentences.append(
                {"text": cap.replace("|", ""), "page": self.pdf_page, "printed": printed, "where": "caption"}
            )
            out.append((col, top + 2, y - 6))
        if s.sidebar_every and printed % s.sidebar_every == 0:
            col = 0
            x, cw, _, bottom = frames[col]
            texts = [self.sentence().replace("|", "") for _ in range(3)]
            lines = self.wrap(" ".join(texts), cw - 12, 8, "Helvetica")
            h = 24 + len(lines) * 10
            c.setFillColorRGB(0.88, 0.93, 0.97)
            c.rect(x, bottom, cw, h, stroke=0, fill=1)
            c.setFillGray(0)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(x + 6, bottom + h - 14, "Wist u dat?")
            c.setFont("Helvetica", 8)
            y = bottom + h - 28
            for line in lines:
                c.drawString(x + 6, y, line)
                y -= 10
            for t in texts:
                self.gold.sentences.append(
                    {"text": t, "page": self.pdf_page, "printed": printed, "where": "sidebar"}
                )
            out.append((col, bottom + h + 8, bottom - 1))
        if s.table_every and printed % s.table_every == 0:
            col = n - 1
            x, cw, top, _ = frames[col]
            top -= 40
            rows = [("Wijk", "Meldingen", "Afgerond")] + [
                (w, str(self.rng.randint(40, 900)), f"{self.rng.randint(50, 99)}%")
                for w in self.rng.sample(WIJKEN, 6)
            ]
            c.setFont("Helvetica-Bold", 8)
            c.drawString(x, top + 6, f"Tabel {printed}. Meldingen per wijk")
            y = top
            c.setLineWidth(0.5)
            c.line(x, y, x + cw, y)
            for r, row in enumerate(rows):
                c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 7.5)
                for k, cell in enumerate(row):
                    c.drawString(x + 2 + k * cw / 3, y - 10, cell)
                y -= 14
                c.line(x, y, x + cw, y)
            out.append((col, top + 20, y - 10))
        return out

    def wrap(self, text: str, width: float, size: float, font: str = "Helvetica") -> list[str]:
        lines, cur = [], ""
        for word in text.split():
            trial = f"{cur} {word}" if cur else word
            if self.width(trial.replace("|", ""), size, font) <= width:
                cur = trial
            else:
                lines.append(cur)
                cur = word
        return [*lines, cur] if cur else lines


def _clean(s: str) -> str:
    return s.replace("|", "")


def _layout(writer: Writer) -> None:
    """Flow chapters of paragraphs through all frames of all sheets."""
    s, c = writer.spec, writer.canvas
    chapter_i, printed = 0, (2 if s.halves == 2 else 1)

    events: list[Any] = []
    for ch in range(len(s.chapters)):
        events.append(("heading", s.chapters[ch]))
        for _ in range(5 * s.columns * s.sheets * s.halves // len(s.chapters) + 2):
            events.append(("para", writer.paragraph()))

    ev = iter(events)
    pending: list[str] = []  # words of the current paragraph still to set
    for sheet in range(s.sheets):
        writer.pdf_page = sheet + 1
        writer.gold.labels[sheet + 1] = "–".join(str(printed + h) for h in range(s.halves))
        for half in range(s.halves):
            chapter = s.chapters[min(chapter_i, len(s.chapters) - 1)]
            writer.draw_furniture(half, printed, chapter)
            if sheet == 0 and half == 0:
                c.setFont("Helvetica-Bold", 22)
                x0, _ = writer.half_box(half)
                c.drawString(x0, s.sheet[1] - 80, "Terugblik op een druk jaar")
                top = s.sheet[1] - 110
            else:
                top = s.sheet[1] - 55
            frames = writer.frames(half, top)
            blocked = writer.obstacles(printed, frames, half)
            for k, (x, cw, ftop, fbottom) in enumerate(frames):
                y = ftop
                while True:
                    if not pending:
                        nxt = next(ev, None)
                        if nxt is None:
                            break
                        kind, payload = nxt
                        if kind == "heading":
                            chapter_i = s.chapters.index(payload)
                            if y - 30 < fbottom:
                                events_put_back = nxt
                                ev = _chain(events_put_back, ev)
                                break
                            y -= 26
                            c.setFont("Helvetica-Bold", 16)
                            c.drawString(x, y, payload)
                            y -= 8
                            continue
                        pending = []
                        for text, quote in payload:
                            items = [{"text": _clean(text), "page": None, "where": "body"}]
                            writer.gold.sentences.append(items[0])
                            if quote:
                                items.append({**quote, "page": None})
                                writer.gold.quotes.append(items[1])
                            pending += [(w, items if j == 0 else []) for j, w in enumerate(text.split())]
                        pending.append(END)
                        y -= s.leading * 0.6
                    y, pending = _set_lines(
                        writer,
                        pending,
                        x,
                        cw,
                        y,
                        fbottom,
                        [(t, b) for col, t, b in blocked if col == k],
                        printed,
                    )
                    if pending and pending != [END]:
                        break  # column full
                    pending = []
            printed += 1
        c.showPage()
    c.save()


def _chain(first: Any, rest: Any) -> Any:
    yield first
    yield from rest


def _set_lines(
    writer: Writer,
    words: list[Any],
    x: float,
    width: float,
    y: float,
    bottom: float,
    blocked: list[tuple[float, float]],
    printed: int,
) -> tuple[float, list[Any]]:
    """Set words line by line until the paragraph ends or the column is full."""
    s, c = writer.spec, writer.canvas
    c.setFont("Helvetica", s.body)
    i = 0
    while i < len(words) and words[i] is not END:
        y -= s.leading
        for top, bot in blocked:
            if bot - s.body < y <= top:
                y = bot - s.leading
        if y < bottom:
            return y + s.leading, words[i:]
        line: list[str] = []
        while i < len(words) and words[i] is not END:
            word, items = words[i]
            trial = " ".join([*line, word]).replace("|", "")
            if writer.width(trial, s.body) <= width:
                line.append(word)
                for item in items:
                    item["page"] = writer.pdf_page
                    item["printed"] = printed
                i += 1
                continue
            if "|" in word:  # break a compound at its seam, with a layout hyphen
                head, tail = word.split("|", 1)
                if writer.width(" ".join([*line, head + "-"]).replace("|", ""), s.body) <= width:
                    line.append(head + "-")
                    for item in items:
                        item["page"] = writer.pdf_page
                        item["printed"] = printed
                    words[i] = (tail, [])
            break
        c.drawString(x, y, " ".join(line).replace("|", ""))
    return y, words[i:]


def build(name: str, folder: Path) -> Gold:
    spec = SPECS[name]
    path = folder / f"{name}.pdf"
    writer = Writer(spec, path)
    _layout(writer)
    gold = writer.gold
    gold.sentences = [s for s in gold.sentences if s["page"] is not None]
    last = max(i for i, s in enumerate(gold.sentences) if s["where"] == "body")
    cut = gold.sentences.pop(last)  # the flow stops mid-paragraph: its last sentence may be cut
    gold.quotes = [q for q in gold.quotes if q["text"] not in cut["text"]]
    gold.quotes = [q for q in gold.quotes if q["page"] is not None]
    return gold


def short_repeating(folder: Path) -> Gold:
    """Two pages whose lines are the same apart from digits: must keep its text."""
    from reportlab.pdfgen import canvas

    path = folder / "short_repeating.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    gold = Gold("short_repeating", "one-column", str(path))
    for p in (1, 2):
        c.setFont("Helvetica", 11)
        y = 800  # a short memo: all of it sits in the top band where headers live
        for line in [
            f"Verslag van het overleg van week {p + 10} met het wijkteam.",
            f"Er kwamen {p * 7} nieuwe vragen binnen over schulden en wonen.",
            "De volgende bijeenkomst is in het buurthuis aan de Kerkstraat.",
        ]:
            c.drawString(60, y, line)
            gold.sentences.append({"text": line, "page": p, "where": "body"})
            y -= 16
        c.showPage()
    c.save()
    return gold


GENERATED = [*list(SPECS), "short_repeating"]


def build_any(name: str, folder: Path) -> Gold:
    return short_repeating(folder) if name == "short_repeating" else build(name, folder)
