"""The reading aid used to write the gold of the real PDFs (run once, output reviewed).

For each page the writer of the gold looked at the rendered page and named the boxes a
reader reads, in order (one per column, header/footer bands and footnotes left out), and
the smallest body type size (to leave out footnotes and superscript note markers).
The text of each box (pdfplumber's ``crop``, which cannot interleave columns) is joined
in that order and cut into sentences; only complete sentences of at least six words that
lie wholly inside the named pages are kept, no table-of-contents lines, no table cells.

Run: ``python -m tests.extraction.gold.read_boxes`` prints the YAML sentence lists.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

REAL = Path("/work/shared/real/pdf")
SPLIT = re.compile(r"(?<=[.!?])[”’\"]?\s+(?=[A-Z„“\"‘(])")

# file -> (min body size, {page: [boxes (x0, top, x1, bottom), in reading order]})
BOXES: dict[str, tuple[float, dict[int, list[tuple[float, float, float, float]]]]] = {
    "nl_raad_van_state_advies_notificatieapp.pdf": (8.5, {p: [(200, 55, 545, 760)] for p in range(2, 16)}),
    "nl_vws_coronamelder_dpia.pdf": (
        8.5,
        {p: [(60, 56, 540, 800)] for p in (9, 10, 11, 12, 13, 14, 16, 18, 20, 21, 22, 30, 31, 32)},
    ),
    "en_philips_annual_report_2018.pdf": (
        7.5,
        {
            p: [(50, 40, 312, 795), (318, 40, 545, 795)]
            for p in (4, 6, 9, 11, 12, 13, 14, 19, 42, 47, 52, 54, 55, 56, 57, 58, 59)
        },
    ),
}


def page_text(page: Any, boxes: list[tuple[float, float, float, float]], min_size: float) -> str:
    parts = []
    tables = [t.bbox for t in page.find_tables()]
    for box in boxes:
        region = page.crop(box).filter(
            lambda o: (
                o.get("object_type") != "char"
                or (
                    o.get("size", 0) >= min_size
                    and not any(t[0] <= o["x0"] <= t[2] and t[1] <= o["top"] <= t[3] for t in tables)
                )
            )
        )
        parts.append(region.extract_text() or "")
    return "\n".join(parts)


def sentences(file: str) -> list[dict[str, Any]]:
    import pdfplumber

    min_size, pages = BOXES[file]
    out = []
    with pdfplumber.open(REAL / file) as pdf:
        for number, boxes in pages.items():
            text = page_text(pdf.pages[number - 1], boxes, min_size)
            text = re.sub(r"-\n(?=[a-zà-ÿ])", "", text).replace("\n", " ")
            found = [s.strip() for s in SPLIT.split(text)]
            for s in found[1:-1]:  # the first and last may run over from or onto another page
                if len(s.split()) >= 6 and "...." not in s and "|" not in s:
                    out.append({"page": number, "text": " ".join(s.split())})
    return out


if __name__ == "__main__":
    import yaml

    for name in sys.argv[1:] or list(BOXES):
        print(f"# {name}")
        print(yaml.safe_dump({"sentences": sentences(name)}, allow_unicode=True, width=1000, sort_keys=False))
