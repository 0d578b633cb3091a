"""Build the demo corpus: Dutch sample reports (YAML sources) rendered to PDF.

Run ``python corpus/build.py`` (needs reportlab and pyphen: ``pip install -e '.[corpus]'``).
It writes ``corpus/pdf/*.pdf``, the manifest ``corpus/documents.csv``, the gold list of
quotes ``corpus/gold_quotes.csv`` (with the page each quote starts on, as laid out),
the printed running headers and footers ``corpus/gold_pages.csv`` and the survey
figures ``corpus/indicators.csv``. Output is byte-stable (reportlab invariant mode).

The layouts vary on purpose, like real reports: a cover page, one- and two-column
pages, full-width headings and tables above two columns, running headers and footers
with page numbers on alternating sides, Dutch hyphenation, italic quote blocks.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Frame, KeepTogether, NextPageTemplate,
                                PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle)

rl_config.invariant = 1

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
OUT = HERE / "pdf"
WIDTH, HEIGHT = A4
MARGIN = 22 * mm
GUTTER = 8 * mm
MANIFEST_COLUMNS = ["file", "title", "organisation", "municipality", "year", "doc_type", "team_type",
                    "size_class", "region"]

try:
    import pyphen  # noqa: F401
    HYPHENATION = "nl_NL"
except ImportError:  # still builds, just without hyphenation
    HYPHENATION = None


def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10.5, leading=13.5,
                          alignment=TA_JUSTIFY, spaceAfter=6, hyphenationLang=HYPHENATION,
                          embeddedHyphenation=1, uriWasteReduce=0.3)
    return {
        "body": body,
        "quote": ParagraphStyle("quote", parent=body, fontName="Times-Italic", leftIndent=12,
                                rightIndent=8, spaceBefore=2, spaceAfter=2),
        "source": ParagraphStyle("source", parent=body, leftIndent=12, fontSize=9.5, spaceAfter=8),
        "h1": ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=17, leading=21, spaceBefore=6,
                             spaceAfter=10),
        "h2": ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=12.5, leading=16, spaceBefore=8,
                             spaceAfter=5),
        "cover_title": ParagraphStyle("ct", fontName="Helvetica-Bold", fontSize=26, leading=32),
        "cover_sub": ParagraphStyle("cs", fontName="Helvetica", fontSize=14, leading=19, spaceBefore=14),
        "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11),
        "caption": ParagraphStyle("cap", fontName="Helvetica-Oblique", fontSize=9, leading=11, spaceAfter=10),
    }


@dataclass
class Gold:
    file: str
    quote: str
    speaker: str
    source: str
    attribution: str
    style: str
    page: int = 0


@dataclass
class Build:
    """What one document's build records while reportlab lays it out."""

    spec: dict
    quotes: list[Gold] = field(default_factory=list)
    pages: list[tuple[int, str, str]] = field(default_factory=list)


class ReportTemplate(BaseDocTemplate):
    def __init__(self, path: Path, build: Build) -> None:
        super().__init__(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 6 * mm, bottomMargin=MARGIN, invariant=1,
                         title=build.spec["title"], author=build.spec["organisation"])
        self.build_info = build
        inner_w = WIDTH - 2 * MARGIN
        inner_h = HEIGHT - 2 * MARGIN - 6 * mm
        col = (inner_w - GUTTER) / 2
        one = Frame(MARGIN, MARGIN, inner_w, inner_h, id="one")
        left = Frame(MARGIN, MARGIN, col, inner_h, id="left")
        right = Frame(MARGIN + col + GUTTER, MARGIN, col, inner_h, id="right")
        top = Frame(MARGIN, MARGIN + inner_h * 0.55, inner_w, inner_h * 0.45, id="top")
        left_low = Frame(MARGIN, MARGIN, col, inner_h * 0.55, id="left_low")
        right_low = Frame(MARGIN + col + GUTTER, MARGIN, col, inner_h * 0.55, id="right_low")
        self.addPageTemplates([
            PageTemplate("cover", [one], onPage=self._cover),
            PageTemplate("one", [one], onPage=self._furniture),
            PageTemplate("two", [left, right], onPage=self._furniture),
            PageTemplate("mixed", [top, left_low, right_low], onPage=self._furniture),
        ])

    def _cover(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(self.build_info.spec.get("colour", "#1f4e79")))
        canvas.rect(0, HEIGHT - 70 * mm, WIDTH, 70 * mm, stroke=0, fill=1)
        canvas.restoreState()
        self.build_info.pages.append((doc.page, "", ""))

    def _furniture(self, canvas, doc) -> None:
        spec = self.build_info.spec
        header = spec["header"]
        footer = spec["footer"].format(page=doc.page)
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        if doc.page % 2:  # odd pages: right-aligned, even pages: left-aligned, as in print
            canvas.drawRightString(WIDTH - MARGIN, HEIGHT - MARGIN + 2 * mm, header)
            canvas.drawRightString(WIDTH - MARGIN, MARGIN - 10 * mm, footer)
        else:
            canvas.drawString(MARGIN, HEIGHT - MARGIN + 2 * mm, header)
            canvas.drawString(MARGIN, MARGIN - 10 * mm, footer)
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.line(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN)
        canvas.restoreState()
        self.build_info.pages.append((doc.page, header, footer))

    def afterFlowable(self, flowable) -> None:
        gold = getattr(flowable, "gold", None)
        if gold is not None and not gold.page:
            gold.page = self.page


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


MARKS = {"low": ("„", "”"), "curly": ("“", "”"), "straight": ('"', '"'), "single": ("‘", "’")}


def quote_flowables(item: dict, st: dict, build: Build) -> list:
    """A quote as printed, plus its gold record (the page is filled in at layout time)."""
    text = squash(item["text"])
    spec = build.spec
    style = item.get("style", "marks")
    gold = Gold(spec["file"], text, item.get("speaker", ""), item.get("source", ""),
                item.get("attribution", ""), "italic" if style == "italic" else "marks")
    build.quotes.append(gold)
    if style == "italic":
        para = Paragraph(esc(text), st["quote"])
        para.gold = gold
        parts = [para]
        if item.get("attribution"):
            parts.append(Paragraph(f"({esc(item['attribution'])})", st["source"]))
        return [KeepTogether(parts)]
    opening, closing = MARKS[item.get("marks", "low")]
    quoted = f"{opening}{esc(text)}{closing}"
    before, after = esc(item.get("before", "")), esc(item.get("after", ""))
    if item.get("form") == "paren":
        after = f" ({esc(item['attribution'])}){after}"
    para = Paragraph(f"{before}{quoted}{after}", st["body"])
    para.gold = gold
    return [KeepTogether([para])]


def table_flowable(item: dict, st: dict, width: float) -> list:
    rows = [[Paragraph(esc(str(cell)), st["cell"]) for cell in row] for row in item["rows"]]
    table = Table(rows, colWidths=[width / len(item["rows"][0])] * len(item["rows"][0]), repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    out = [Spacer(1, 4), table]
    if item.get("caption"):
        out.append(Paragraph(esc(item["caption"]), st["caption"]))
    return out


def story(build: Build) -> list:
    spec = build.spec
    st = styles()
    flow: list = [Spacer(1, 60 * mm), Paragraph(esc(spec["title"]), st["cover_title"]),
                  Paragraph(esc(spec.get("subtitle", spec["organisation"])), st["cover_sub"]),
                  Paragraph(esc(spec.get("date", str(spec["year"]))), st["cover_sub"])]
    layout = spec.get("layout", "two")
    flow += [NextPageTemplate("one"), PageBreak(), *contents(spec, st), NextPageTemplate(layout), PageBreak()]
    width = WIDTH - 2 * MARGIN
    for item in spec["body"]:
        kind, value = next(iter(item.items())) if len(item) == 1 else ("quote", item)
        if kind == "h1":
            flow += [CondPageBreak(60 * mm), Paragraph(esc(value), st["h1"])]
        elif kind == "h2":
            flow += [CondPageBreak(30 * mm), Paragraph(esc(value), st["h2"])]
        elif kind == "p":
            flow.append(Paragraph(esc(squash(value)), st["body"]))
        elif kind == "quote":
            flow += quote_flowables(value, st, build)
        elif kind == "table":
            flow += table_flowable(value, st, width if layout != "two" else width / 2 - GUTTER)
        elif kind == "layout":
            flow += [NextPageTemplate(value), PageBreak()]
            layout = value
        elif kind == "pagebreak":
            flow.append(PageBreak())
        else:
            raise ValueError(f"{spec['file']}: unknown item {kind!r}")
    flow += [NextPageTemplate("one"), PageBreak(), *colophon(spec, st)]
    return flow


def contents(spec: dict, st: dict) -> list:
    """The contents page: the chapter headings, as reports open."""
    flow = [Paragraph("Inhoud", st["h1"])]
    chapters = [value for item in spec["body"] for kind, value in item.items() if kind == "h1"]
    flow += [Paragraph(esc(title), st["body"]) for title in chapters]
    return flow


def colophon(spec: dict, st: dict) -> list:
    lines = [f"Uitgave: {spec['organisation']}", f"Gemeente: {spec['municipality']}",
             f"Verschenen: {spec.get('date', spec['year'])}",
             "Dit is fictief demonstratiemateriaal, geschreven voor de testcorpus van coder. "
             "Personen, citaten en cijfers zijn verzonnen."]
    return [Spacer(1, 80 * mm), Paragraph("Colofon", st["h2"]),
            *(Paragraph(esc(line), st["body"]) for line in lines)]


def expand(spec: dict) -> dict:
    """Fill ``{placeholders}`` in paragraphs from the document's own metadata."""
    values = {k: v for k, v in spec.items() if isinstance(v, (str, int))}

    def fill(value):
        if isinstance(value, str):
            return value.format(**values) if "{" in value else value
        if isinstance(value, list):
            return [fill(v) for v in value]
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        return value

    spec = dict(spec)
    spec["body"] = fill(spec["body"])
    return spec


def build_document(source: Path, out_dir: Path) -> Build:
    spec = yaml.safe_load(source.read_text(encoding="utf-8"))
    spec = expand(spec)
    build = Build(spec)
    doc = ReportTemplate(out_dir / spec["file"], build)
    doc.build(story(build))
    missing = [g.quote[:40] for g in build.quotes if not g.page]
    if missing:
        raise RuntimeError(f"{source.name}: no page recorded for {missing}")
    return build


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(out_dir: Path = OUT, meta_dir: Path = HERE) -> list[Build]:
    out_dir.mkdir(parents=True, exist_ok=True)
    builds = [build_document(src, out_dir) for src in sorted(SOURCES.glob("*.yaml"))]
    rel = out_dir.relative_to(meta_dir) if out_dir.is_relative_to(meta_dir) else out_dir
    write_csv(meta_dir / "documents.csv", MANIFEST_COLUMNS,
              [[str(rel / b.spec["file"]), *(b.spec[c] for c in MANIFEST_COLUMNS[1:])] for b in builds])
    write_csv(meta_dir / "gold_quotes.csv", ["file", "page", "quote", "speaker", "source", "attribution", "style"],
              [[g.file, g.page, g.quote, g.speaker, g.source, g.attribution, g.style]
               for b in builds for g in b.quotes])
    write_csv(meta_dir / "gold_pages.csv", ["file", "page", "header", "footer"],
              [[b.spec["file"], page, header, footer] for b in builds for page, header, footer in b.pages])
    write_csv(meta_dir / "indicators.csv", ["file", "indicator", "value", "n"],
              [[b.spec["file"], key, value, n] for b in builds
               for key, (value, n) in (b.spec.get("indicators") or {}).items()])
    return builds


if __name__ == "__main__":
    results = main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    for b in results:
        print(f"{b.spec['file']}: {len(b.pages)} pages, {len(b.quotes)} quotes")
    print(f"total: {len(results)} documents, {sum(len(b.quotes) for b in results)} quotes")
