"""Candidate quotes: quoted passages and italic quote paragraphs, with their attribution.

One candidate per quotation. Two sources of candidates, merged:

1. text between quotation marks (:mod:`coder.quotes.marks`) of at least
   :data:`MIN_WORDS` words, so that scare quotes ("wijkgericht") are left alone; titles
   cited in quotation marks (``«Voortgang Coronamelder», kenmerk …``, the “…” section,
   “…” (ViO), a number's name: ``SDG 13 ("take urgent action …")``) and short phrases
   (up to :data:`PHRASE_WORDS` words, no punctuation, nobody said them) are not quotes.
   Anything in quotation marks is a candidate whatever block holds it;
2. typography: pull-quote blocks, and paragraphs set (mostly) in italics — the
   extractor marks them as ``quote`` blocks and reports every italic run. Headings,
   captions, tables, lists and footnotes are never typographic candidates, nor are
   heading-like lines (short, one line, no final punctuation) or bullet items, nor an
   italic paragraph that does not end as a sentence (a long italic heading) or that
   finishes a lead-in ending in a colon that names no speaker (emphasis); and when
   italics are the body type of the document (more than :data:`BODY_ITALIC_SHARE` of
   it, e.g. an advice quoted in full) they say nothing about quotes.

An italic paragraph made of quotations keeps the quotations as its units (adjacent
quotations are split); a parenthesised source or dash line at the end of a candidate is
cut off and becomes its attribution. Where both sources find the same passage the
quoted one wins (its bounds exclude the marks).

``blocks`` are any objects with ``start``, ``end`` and ``kind``; without them the
detector works on the text and italic runs alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from coder.quotes.attribution import (
    SPEECH_VERBS,
    Attribution,
    after_quote,
    before_quote,
    following_line,
    split_parenthesised,
)
from coder.quotes.marks import find_marked
from coder.quotes.model import CandidateQuote
from coder.quotes.roles import role_in

# Who speaks, in the lead-in to an italic quote (Dutch verbs as in attribution, and English).
SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS}|says?|said|tells?|told|explains?|explained|writes?|wrote|"
                    r"recalls?|recalled|according to|in (?:his|her|their) words)\b", re.IGNORECASE)
# A lead-in that announces people's words without a verb: "Uit de interviews:", "Ervaringen
# van ouders:", "In their own words:" (a role word such as ouders also counts).
VOICES = re.compile(r"\b(?:interviews?|gesprek(?:ken)?|ervaring(?:en)?|citaat|citaten|uitspraak|uitspraken|"
                    r"reacties?|woorden|quotes?|enquête|respondent(?:en)?|testimonials?|words|voices?|"
                    r"stem(?:men)?|verhalen|verhaal|aan het woord)\b", re.IGNORECASE)
MIN_WORDS = 4
MIN_ITALIC_WORDS = 6
BODY_ITALIC_SHARE = 0.4
BODY_MIN_CHARS = 3000  # a page or two: below that a share says nothing
HEADING_WORDS = 12
CAPTION = re.compile(r"^\s*(Tabel|Figuur|Grafiek|Bron|Noot|Foto|Afbeelding)\b", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[•▪◦‣●■□►▸✓*]|[-–](?=\s)|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)](?=\s))")
SENTENCE_END = re.compile(r"[.!?…:;\"”’»)]\s*$")
CITED_TITLE = re.compile(r"^\S?\s*(?:,\s*(?:kenmerk|p\.|pp\.|blz\.|nr\.|paragraaf|bijlage|\d|[A-Z])"
                         r"|van\s+\d{1,2}\s+\w+\s+\d{4})")
NUMBERED = re.compile(r"\b\d+[a-z]?(?:\.\d+)*\s*\(\s*$")
TITLE_LABEL = re.compile(r"\b(?:sub)?(?:onderdeel|paragraaf|hoofdstuk|getiteld|titel|rapport|brief|"
                         r"kamerbrief|notitie|nota|artikel|boek|publicatie|project|programma|campagne|"
                         r"genaamd|rubriek|entitled|titled|called|named|under|heading)\s*$",
                         re.IGNORECASE)
# A word after the closing mark that says the quoted words are a label: the “…” section.
LABEL_AFTER = re.compile(r"^\S?\s*(?:section|chapter|paragraph|line|item|category|column|heading|table|"
                         r"sectie|hoofdstuk|paragraaf|regel|kolom|rubriek|categorie|tabel|kop)\b",
                         re.IGNORECASE)
# An abbreviation in parentheses after the closing mark: a name (“Wet toezicht …” (Wta, …)).
ABBREVIATION_AFTER = re.compile(r"^\S?\s*\((?:[A-Z][a-z]?){1,3}[A-Z](?=[,;)])")
# Block kinds as coder.extraction stores them (coder.extraction.model.BLOCK_KINDS): text in
# these may be a candidate by typography; in NEVER_KINDS only when it is in quotation marks.
TYPOGRAPHIC_KINDS = frozenset({"paragraph", "quote", "pullquote", "sidebar"})
NEVER_KINDS = frozenset({"heading", "attribution", "caption", "footnote", "table", "list"})
# written after the paragraph they interrupt: a quote in them starts on the block's own page
MOVED_KINDS = frozenset({"pullquote", "attribution", "caption", "footnote", "sidebar", "table"})
QUOTE_MARKS = "„“”‘’\"«»‹›"
PAREN_NEXT = re.compile(r"\s*\(")
PHRASE_WORDS = 6  # a short quoted phrase without punctuation or speaker is a term, not a quote
ATTRIBUTION_GAP = 4  # characters (marks, spaces) between a quote and its attribution block
TRAILING_PAREN = re.compile(r"\(([^()\n]{3,200})\)\s*[.]?\s*$")
TRAILING_DASH = re.compile(r"\n\s*[-–—]\s*([^\n]{2,90})\s*$")


class BlockLike(Protocol):
    """A layout block as :mod:`coder.extraction` gives it (read-only is enough)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...


def _words(text: str) -> int:
    return len(text.split())


def heading_like(text: str) -> bool:
    """A short single line without final punctuation: a heading, label or title."""
    body = text.strip()
    return "\n" not in body and _words(body) <= HEADING_WORDS and not SENTENCE_END.search(body)


def _cited_title(text: str, open_at: int, close_at: int) -> bool:
    """A title or name in marks, not a quotation: ``«Landelijke introductie Coronamelder»,
    kenmerk …``, ``'Digital contact tracing …', University of Oxford``, ``het rapport „…”``,
    ``“Decentralised, Privacy-Preserving Proximity Tracing”``."""
    body = TRAILING_PAREN.sub("", text[open_at + 1:close_at]).strip()  # “… Framework (2013)”
    if SENTENCE_END.search(body) or _words(body) > 2 * HEADING_WORDS:
        return False
    if TITLE_LABEL.search(text, max(0, open_at - 20), open_at):
        return True
    after = text[close_at + 1:close_at + 40]
    if LABEL_AFTER.match(after) or ABBREVIATION_AFTER.match(after):
        return True  # the “…” section, the ‘…’ line; “Verordening …” (ViO, …)
    if _words(body) <= HEADING_WORDS and _names_a_number(text, open_at, close_at):
        return True
    if _title_case(body):
        return True  # Title Case: a name
    return body[:1].isupper() and CITED_TITLE.match(after) is not None and not (
        (who := after_quote(text, close_at + 1)) and who.speaker)


def _title_case(body: str) -> bool:
    """Capitals on the content words, small words aside: ``Assurance Engagements other than
    Audits or Reviews of Historical Financial Information`` (a standard's name)."""
    content = [w for w in body.split() if len(w) > 3]
    capitals = sum(w[:1].isupper() for w in content)
    return capitals == len(content) or (len(content) >= 4 and capitals >= 0.75 * len(content))


def _names_a_number(text: str, open_at: int, close_at: int) -> bool:
    """The quotation is all of a parenthesis right after a number: it names the numbered
    item (``SDG 13 ("take urgent action …")``, ``Goals 3 (“…”) or 12 (“…”)``,
    ``artikel 5 («…»)``), as a title would, and is no one's words."""
    return (NUMBERED.search(text, max(0, open_at - 20), open_at) is not None
            and text[close_at + 1:close_at + 4].lstrip().startswith(")"))


def _standalone(text: str, open_at: int, close_at: int) -> bool:
    """The quotation is a line of its own (a quote as heading, a pull quote)."""
    line_end = text.find("\n", close_at)
    after = text[close_at + 1:len(text) if line_end < 0 else line_end]
    return (open_at == 0 or text[open_at - 1] == "\n") and not after.strip()


def _marked(text: str) -> list[CandidateQuote]:
    found = []
    for span in find_marked(text):
        inner = text[span.start:span.end]
        if _words(inner) < MIN_WORDS:
            continue
        if _cited_title(text, span.open_at, span.close_at):
            continue
        who = after_quote(text, span.close_at + 1) or before_quote(text, span.open_at) or Attribution()
        phrase = _words(inner) <= PHRASE_WORDS and not SENTENCE_END.search(inner.rstrip(","))
        said = who.speaker or who.source or (who.attribution is not None and not PAREN_NEXT.match(
            text, span.close_at + 1))  # ‘Equal and fair treatment’ (41% …): a bare aside
        if phrase and not said and not _standalone(text, span.open_at, span.close_at):
            continue  # "zero waste to landfill", „werken vanuit de leefwereld”: a phrase
        found.append(_candidate(text, span.start, span.end, who))
    return found


def _candidate(text: str, start: int, end: int, who: Attribution) -> CandidateQuote:
    """The candidate without surrounding space, without the marks of a pull quote whose
    closing mark is missing or elsewhere, and without a trailing source."""
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS):
        end -= 1
    end, inside = _trailing_attribution(text, start, end)
    if inside is not None and not (who.speaker or who.source):
        who = inside
    return CandidateQuote(start, end, text[start:end], who.speaker, who.source, who.attribution)


def _trailing_attribution(text: str, start: int, end: int) -> tuple[int, Attribution | None]:
    """Cut ``(inwoner, 2019)`` or a ``— moeder`` line off the end of a candidate."""
    body = text[start:end]
    match = TRAILING_PAREN.search(body)
    if match and _words(body[:match.start()]) >= MIN_WORDS:
        who = split_parenthesised(match.group(1))
        if who.speaker or who.source:
            return _rstrip(text, start, start + match.start()), who
    match = TRAILING_DASH.search(body)
    if match and _words(body[:match.start()]) >= MIN_WORDS:
        line = following_line(text, start + match.start())
        if line is not None:
            return _rstrip(text, start, start + match.start()), line
    return end, None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _italics_are_body(text: str, italics: Sequence[tuple[int, int]]) -> bool:
    ink = len(text) - text.count(" ") - text.count("\n")
    italic = sum(e - s for s, e in italics)
    return ink >= BODY_MIN_CHARS and italic > BODY_ITALIC_SHARE * ink


def _typographic_blocks(text: str, italics: Sequence[tuple[int, int]],
                        blocks: Sequence[BlockLike], trust_italics: bool) -> list[tuple[int, int, str]]:
    """(start, end, kind) of pull quotes and of quote or mostly italic paragraphs."""
    spans = [(b.start, b.end, b.kind) for b in blocks
             if b.kind == "pullquote" or (trust_italics and b.kind == "quote")]
    if trust_italics:
        for block in blocks:
            if block.kind not in ("paragraph", "sidebar"):
                continue
            covered = sum(max(0, min(e, block.end) - max(s, block.start)) for s, e in italics)
            if covered >= 0.8 * (block.end - block.start):
                spans.append((block.start, block.end, "quote"))
        if not blocks:  # no layout information: use long italic runs as they are
            spans = [(s, e, "quote") for s, e in italics if _words(text[s:e]) >= MIN_ITALIC_WORDS]
    return sorted(set(spans))


def _typographic_ok(body: str, kind: str) -> bool:
    if kind == "pullquote":
        return _words(body) >= MIN_WORDS
    return (_words(body) >= MIN_ITALIC_WORDS and not CAPTION.match(body) and not BULLET.match(body)
            and not heading_like(body))


def _ends_a_sentence(body: str) -> bool:
    """An italic paragraph that is someone's words ends as a sentence does, or with its
    speaker or source in parentheses; one that does not is a heading, however long
    (*Key assumptions … to which a significant amount of goodwill is allocated*, *Recognition
    by the … Council (SPLC)*)."""
    body = body.rstrip()
    match = TRAILING_PAREN.search(body)
    if match:
        who = split_parenthesised(match.group(1))
        if who.speaker or who.source:
            return True
        body = body[:match.start()]
    return SENTENCE_END.search(body) is not None


def _completes_lead_in(text: str, start: int) -> bool:
    """An italic paragraph after a lead-in that ends in a colon and names nobody speaking
    (``… three main drivers of continued growth:`` *Better serve customers …*) completes
    that sentence in italics for emphasis: it is no one's words. ``Een moeder vertelt:``,
    ``Wat inwoners zeggen:``, ``Jan Jansen:``, a role (``Een ouder over de wachttijd:``) or
    an announcement of people's words (``Uit de interviews:``) before it keep it a quote."""
    head = text[max(0, start - 300):start].rstrip()
    if not head.endswith(":"):
        return False
    lead_in = re.split(r"[.!?…]\s|\n\s*\n", head)[-1]
    if before_quote(text, start) is not None or SPEECH.search(lead_in) or VOICES.search(lead_in):
        return False
    return role_in(lead_in, max_words=40) is None


def _partial_italic_runs(text: str, italics: Sequence[tuple[int, int]], blocks: Sequence[BlockLike],
                         taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Italic runs of whole sentences inside ordinary paragraphs (never cut at the start)."""
    found = []
    for start, end in italics:
        block = next((b for b in blocks if b.start <= start < b.end), None)
        if block is not None and block.kind not in TYPOGRAPHIC_KINDS:
            continue
        if _overlaps(start, end, taken) or not _typographic_ok(text[start:end], "quote"):
            continue
        while end < len(text) and text[end] in ".!?…":
            end += 1  # the full stop after an italic sentence is often upright
        found.append((start, end))
    return found


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _marked_share(start: int, end: int, marked: Sequence[CandidateQuote]) -> float:
    inside = sum(q.end - q.start for q in marked if start <= q.start and q.end <= end)
    return inside / max(1, end - start)


def detect_quotes(
    text: str,
    *,
    italics: Sequence[tuple[int, int]] = (),
    blocks: Sequence[BlockLike] = (),
) -> list[CandidateQuote]:
    """Candidate quotes in document order, with offsets into ``text``."""
    found = _marked(text)
    marked = list(found)
    trust_italics = not _italics_are_body(text, italics)
    typographic = _typographic_blocks(text, italics, blocks, trust_italics)
    for start, end, kind in typographic:
        body = text[start:end]
        if not _typographic_ok(body, kind):
            continue
        if any(q.start - 1 <= start and end <= q.end + 1 for q in marked):
            continue  # the quoted passage already covers it
        if kind == "quote" and (not _ends_a_sentence(body) or _completes_lead_in(text, start)):
            continue
        if _marked_share(start, end, marked) >= 0.5:
            continue  # a paragraph of quotations: each quotation is its own unit
        found = [q for q in found if not (start <= q.start and q.end <= end)]  # marks nested inside
        end, under = _pull_quote_signature(text, start, end) if kind == "pullquote" else (end, None)
        who = under or following_line(text, end) or before_quote(text, start) or Attribution()
        found.append(_candidate(text, start, end, who))
    taken = [(q.start, q.end) for q in found] + [(s, e) for s, e, _ in typographic]
    if blocks and trust_italics:
        for start, end in _partial_italic_runs(text, italics, blocks, taken):
            who = after_quote(text, end) or before_quote(text, start) or Attribution()
            found.append(_candidate(text, start, end, who))
    found = _without_overlaps(sorted(found, key=lambda q: (q.start, q.end)))
    return _block_pages(_share_attribution(text, _attribution_blocks(text, found, blocks)), blocks)


def _block_pages(quotes: list[CandidateQuote], blocks: Sequence[BlockLike]) -> list[CandidateQuote]:
    """A quote inside a block that the layout moved out of the running text (a pull quote
    or caption written after the paragraph it interrupts, perhaps on the next page) starts
    on that block's own page, not on the page where the block lands in the text."""
    moved = sorted((b.start, b.end, page) for b in blocks
                   if b.kind in MOVED_KINDS and (page := getattr(b, "page", None)) is not None)
    if not moved:
        return quotes
    out = []
    for q in quotes:
        page = next((p for s, e, p in moved if s <= q.start < e), None)
        out.append(replace(q, page=page) if page is not None else q)
    return out


def _pull_quote_signature(text: str, start: int, end: int) -> tuple[int, Attribution | None]:
    """``“… further value.”Frans van Houten, CEO``: a pull quote block that holds its
    attribution after the closing mark ends at that mark."""
    body = text[start:end]
    close = max(body.rfind(mark) for mark in "”»\"’")
    rest = " ".join(body[close + 1:].strip(" -–—\n").split()) if close > 0 else ""
    if not rest or _words(rest) > HEADING_WORDS or _words(body[:close]) < MIN_WORDS:
        return end, None
    return start + close, Attribution(rest, role_in(rest), None)


def _attribution_blocks(text: str, quotes: list[CandidateQuote],
                        blocks: Sequence[BlockLike]) -> list[CandidateQuote]:
    """A pull quote's ``attribution`` block (``Eddie Perdok CEO``, the line under it) names
    who speaks: attach it to the quote that ends right before it."""
    starts = {b.start: b for b in blocks if b.kind == "attribution"}
    if not starts:
        return quotes
    out = []
    for q in quotes:
        gap, limit = q.end, min(len(text), q.end + ATTRIBUTION_GAP + 1)
        while gap < limit and (text[gap].isspace() or text[gap] in QUOTE_MARKS):
            gap += 1
        block = starts.get(gap)
        if block is not None and q.attribution is None:
            line = " ".join(text[block.start:block.end].strip(" -–—").split())
            q = replace(q, attribution=line, speaker=role_in(line))
        out.append(q)
    return out


def _share_attribution(text: str, quotes: list[CandidateQuote]) -> list[CandidateQuote]:
    """Back-to-back quotations with one source after the last (``“…” “…” (cliënten, …)``):
    each earlier one without an attribution of its own gets that source."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.attribution is None and nxt.attribution and not text[q.end:nxt.start].strip(" \n\"”’»“„‘«'"):
            out[i] = replace(q, speaker=nxt.speaker, source=nxt.source, attribution=nxt.attribution)
    return out


def _without_overlaps(quotes: list[CandidateQuote]) -> list[CandidateQuote]:
    """Drop a candidate that overlaps an earlier one: a quotation is one unit."""
    kept: list[CandidateQuote] = []
    for q in quotes:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept

