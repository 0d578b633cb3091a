"""From ordered lines to one text: paragraphs, headings, quote blocks, tables, offsets.

Lines become blocks (a new block starts at a wide vertical step, a change of column,
size, weight or italic style); blocks broken by a column or page break are joined
again when the first one does not end a sentence; words broken at line ends are
de-hyphenated. The text is built once, left to right, so every offset (pages, blocks,
italic runs) is exact by construction.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from coder.extraction.hyphenation import join_broken, vocabulary
from coder.extraction.layout import FLOW, Placed
from coder.extraction.model import Block, Extraction, PageSpan
from coder.extraction.words import Line, Word

PARAGRAPH_STEP = 1.5  # × font size between line tops that starts a new paragraph
HEADING_RATIO = 1.15
CAPTION = re.compile(r"^(Tabel|Figuur|Grafiek|Bron|Noot|Table|Figure|Source)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$|[”’\"]$")


@dataclass
class RawBlock:
    lines: list[Line] = field(default_factory=list)
    side: str = "full"
    kind: str = "paragraph"
    level: int | None = None
    table_text: str | None = None
    layout: str | None = None  # the kind the page layout gave (heading, pullquote, caption...)

    @property
    def page(self) -> int:
        return self.lines[0].page


def body_size(pages: list[list[Placed]]) -> float:
    counts: Counter[float] = Counter()
    for placed in pages:
        for p in placed:
            for w in p.line.words:
                counts[w.size] += len(w.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def _italic_share(line: Line) -> float:
    total = sum(len(w.text) for w in line.words) or 1
    return sum(len(w.text) for w in line.words if w.italic) / total


def _style(line: Line, body: float) -> tuple[bool, int, bool]:
    heading = line.size >= body * HEADING_RATIO
    return (heading, round(line.size) if heading else 0, _italic_share(line) >= 0.8)


def split_blocks(placed: list[Placed], body: float) -> list[RawBlock]:
    """One page's lines (in reading order) to blocks."""
    blocks: list[RawBlock] = []
    for item in placed:
        line = item.line
        if line.table is not None:
            blocks.append(RawBlock([line], item.side, "table", table_text=line.table))
            continue
        prev = blocks[-1] if blocks and blocks[-1].kind != "table" else None
        kind = item.kind if item.kind and item.kind not in FLOW else "paragraph"
        if prev is None or prev.side != item.side or prev.kind != kind \
                or _style(prev.lines[-1], body) != _style(line, body) \
                or line.top - prev.lines[-1].top > PARAGRAPH_STEP * max(line.size, prev.lines[-1].size) \
                or line.top < prev.lines[-1].top:
            blocks.append(RawBlock([line], item.side, kind, layout=item.kind))
        else:
            prev.lines.append(line)
    return blocks


def classify(blocks: list[RawBlock], body: float) -> None:
    sizes = sorted({round(b.lines[0].size) for b in blocks
                    if b.kind != "table" and b.lines[0].size >= body * HEADING_RATIO}, reverse=True)
    for block in blocks:
        if block.kind not in FLOW:
            continue
        first = block.lines[0]
        if CAPTION.match(first.text):
            block.kind = "paragraph"
        elif first.size >= body * HEADING_RATIO:
            block.kind, block.level = "heading", sizes.index(round(first.size)) + 1
        elif block.layout == "heading":
            block.kind, block.level = "heading", len(sizes) + 1
        elif sum(_italic_share(l) * len(l.text) for l in block.lines) \
                >= 0.8 * sum(len(l.text) for l in block.lines):
            block.kind = "quote"


def join_across_breaks(blocks: list[RawBlock]) -> list[RawBlock]:
    """Rejoin paragraphs split mid-sentence by a column or page break, or by a block
    outside the flow (photo caption, pull quote, table, footnote, sidebar): those are
    held back and written after the paragraph that runs around them."""
    out: list[RawBlock] = []
    held: list[RawBlock] = []
    for block in blocks:
        prev = out[-1] if out else None
        running = prev is not None and prev.kind in ("paragraph", "quote") \
            and not SENTENCE_END.search(prev.lines[-1].text)
        if block.kind == "footnote" and prev is not None \
                and prev.lines[-1].text.rstrip().endswith((":", ";")):
            running = True  # a list or quotation follows on the next page: notes wait for it
        if block.kind not in FLOW and block.kind != "quote":
            if running:
                held.append(block)
            else:
                out.append(block)
            continue
        if running and prev is not None and prev.kind == block.kind \
                and (prev.side != block.side or prev.page != block.page or held):
            prev.lines += block.lines
            prev.side = block.side
            continue
        out += held
        held = []
        out.append(block)
    return out + held


class TextBuilder:
    """Appends words and separators while recording page starts and italic runs."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page_starts: dict[int, int] = {}
        self.italics: list[tuple[int, int]] = []
        self._ink_end = -1  # end of the last non-space text: italic runs merge across spaces only

    def add(self, text: str, page: int | None = None, italic: bool = False) -> None:
        if page is not None and page not in self.page_starts:
            self.page_starts[page] = self.length
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if not text.strip():
            return
        if italic and self.italics and self.italics[-1][1] == self._ink_end:
            self.italics[-1] = (self.italics[-1][0], self.length)
        elif italic:
            self.italics.append((start, self.length))
        self._ink_end = self.length

    def drop_last_char(self) -> None:
        """Remove a layout hyphen just written, keeping the offsets consistent."""
        self.parts[-1] = self.parts[-1][:-1]
        if self.italics and self.italics[-1][1] == self.length:
            self.italics[-1] = (self.italics[-1][0], self.length - 1)
        if self._ink_end == self.length:
            self._ink_end -= 1
        self.length -= 1

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _line_tokens(line: Line) -> list[tuple[str, Word]]:
    """Words with the separator before each (none where a font change split one word)."""
    tokens = []
    for i, word in enumerate(line.words):
        if i == 0:
            sep = ""
        else:
            gap = word.x0 - line.words[i - 1].x1
            sep = "" if gap < 0.15 * max(word.size, 1) else " "
        tokens.append((sep, word))
    return tokens


def write_block(builder: TextBuilder, block: RawBlock, vocab: Counter[str]) -> None:
    if block.kind == "table":
        builder.add(block.table_text or "", block.page)
        return
    pending_hyphen: Word | None = None
    for i, line in enumerate(block.lines):
        for j, (sep, word) in enumerate(_line_tokens(line)):
            text = word.text
            if j == 0 and i > 0:
                if pending_hyphen is not None:
                    joined = join_broken(pending_hyphen.text, text, vocab)
                    kept_hyphen = joined.startswith(pending_hyphen.text)
                    if not kept_hyphen:
                        builder.drop_last_char()
                    sep = " " if joined.startswith(pending_hyphen.text + " ") else ""
                else:
                    sep = " "
            builder.add(sep, line.page)
            builder.add(text, line.page, word.italic)
        last = line.words[-1].text
        pending_hyphen = line.words[-1] if last.endswith("-") and len(last) > 1 else None


def assemble(pages: list[list[Placed]], page_numbers: list[int], image_only: set[int],
             warnings: list[str], extractor: str, labels: dict[int, str | None] | None = None) -> Extraction:
    body = body_size(pages)
    blocks: list[RawBlock] = []
    for placed in pages:
        blocks += split_blocks(placed, body)
    classify(blocks, body)
    blocks = join_across_breaks(blocks)
    vocab = vocabulary([l.text for b in blocks for l in b.lines])
    builder = TextBuilder()
    out_blocks: list[Block] = []
    for n, block in enumerate(blocks):
        if n:
            builder.add("\n\n")
        start = builder.length
        write_block(builder, block, vocab)
        out_blocks.append(Block(start, builder.length, block.kind, block.level, block.page))
    text = builder.text
    spans = _page_spans(builder.page_starts, page_numbers, len(text), image_only, labels or {})
    return Extraction(text, spans,
                      out_blocks, builder.italics, warnings, extractor)


def _page_spans(starts: dict[int, int], numbers: list[int], length: int, image_only: set[int],
                labels: dict[int, str | None]) -> list[PageSpan]:
    spans = []
    for i, page in enumerate(numbers):
        start = starts.get(page)
        if start is None:  # no text on this page: an empty span where the next page begins
            later = [starts[p] for p in numbers[i + 1:] if p in starts]
            start = later[0] if later else length
        spans.append([page, start])
    spans.sort(key=lambda s: (s[1], s[0]))
    result = []
    for i, (page, start) in enumerate(spans):
        end = spans[i + 1][1] if i + 1 < len(spans) else length
        result.append(PageSpan(page, start, end, page in image_only, labels.get(page)))
    return sorted(result, key=lambda s: s.page)
