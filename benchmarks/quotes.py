"""Quote detection against hand-written gold: recall, precision, start page, speaker role.

Gold files are ``tests/quotes/gold/*.yaml``: a document (a real PDF by ``path``, or a PDF
that a module ``build``s) and its quotes as ``{page, text_start, speaker}`` (optional
``text_end``). A candidate matches a gold quote when its text starts with the gold's
first words (letters and digits compared, case ignored); two quotations merged into one
candidate therefore miss the second, and a cut-off start misses the quote.

Baseline, measured in the same run on the same extracted text: the detector as it is on
``--baseline-rev`` (default ``main``), loaded from git. Run:
``python -m benchmarks.quotes [--baseline-rev REV]``. :func:`load_gold` and
:func:`score` are meant for other benchmarks too.
"""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "quotes" / "gold"
MODULES = ("detect", "attribution", "marks", "model", "nlp", "roles")


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿ]", "", text.lower())


def load_gold(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["quotes"] = data.get("quotes") or []
    return data


def gold_pdf(gold: dict[str, Any], workdir: Path) -> Path | None:
    """The gold's PDF: its real file, or one built by its ``build`` module (None if absent)."""
    if gold.get("path"):
        path = Path(gold["path"])
        return path if path.exists() else None
    module = importlib.import_module(gold["build"])
    return module.build(workdir / gold["document"])


@dataclass
class QuoteScore:
    gold: int = 0
    found: int = 0
    matched: int = 0
    true_found: int = 0
    right_page: int = 0
    with_end: int = 0
    right_end: int = 0
    named: int = 0
    right_speaker: int = 0
    spurious_speaker: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: QuoteScore) -> None:
        for name in ("gold", "found", "matched", "true_found", "right_page", "with_end", "right_end",
                     "named", "right_speaker", "spurious_speaker"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, str]:
        def pct(a: int, b: int) -> str:
            return f"{a / b:.0%} ({a}/{b})" if b else "-"
        return {"recall": pct(self.matched, self.gold), "precision": pct(self.true_found, self.found),
                "start page": pct(self.right_page, self.matched),
                "end right": pct(self.right_end, self.with_end),
                "speaker": pct(self.right_speaker, self.named),
                "spurious speaker": str(self.spurious_speaker)}


def score(gold: Sequence[dict[str, Any]], candidates: Sequence[Any],
          page_at: Callable[[int], int | None]) -> QuoteScore:
    """Compare candidates (``start``, ``text``, ``speaker``) with gold quotes."""
    s = QuoteScore(gold=len(gold), found=len(candidates))
    texts = [squash(c.text) for c in candidates]
    used: set[int] = set()
    for g in gold:
        head = squash(g["text_start"])
        hit = next((i for i, t in enumerate(texts) if i not in used and t.startswith(head)), None)
        if hit is None:
            s.misses.append(f"p.{g['page']} {g['text_start']}")
            continue
        used.add(hit)
        cand = candidates[hit]
        s.matched += 1
        s.right_page += page_at(cand.start) == g["page"]
        if g.get("text_end"):
            s.with_end += 1
            s.right_end += texts[hit].endswith(squash(g["text_end"]))
        if g.get("speaker"):
            s.named += 1
            s.right_speaker += (cand.speaker or "").lower() == g["speaker"].lower()
        elif cand.speaker:
            s.spurious_speaker += 1
    s.true_found = len(used)
    s.extras = [f"p.{page_at(c.start)} {c.text[:60]!r}" for i, c in enumerate(candidates) if i not in used]
    return s


def baseline_detector(rev: str, workdir: Path) -> Callable[..., list[Any]]:
    """``detect_quotes`` as it is at git revision ``rev`` (its modules copied and renamed)."""
    package = workdir / "baseline_quotes"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    for name in MODULES:
        shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:coder/quotes/{name}.py"],
                               capture_output=True, text=True, check=False)
        if shown.returncode == 0:
            (package / f"{name}.py").write_text(shown.stdout.replace("coder.quotes.", "baseline_quotes."))
    sys.path.insert(0, str(workdir))
    return importlib.import_module("baseline_quotes.detect").detect_quotes  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-rev", default="main")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)

    from coder.extraction import extract_pdf
    from coder.quotes.detect import detect_quotes

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        detectors = {"baseline": baseline_detector(args.baseline_rev, work), "now": detect_quotes}
        totals = {name: QuoteScore() for name in detectors}
        for path in sorted(GOLD.glob("*.yaml")):
            gold = load_gold(path)
            pdf = gold_pdf(gold, work)
            if pdf is None:
                print(f"{gold['document']}: not found, skipped")
                continue
            e = extract_pdf(pdf, jobs=1)
            for name, detect in detectors.items():
                found = detect(e.text, italics=e.italics, blocks=e.blocks)
                result = score(gold["quotes"], found, e.page_at)
                totals[name].add(result)
                row = "  ".join(f"{k} {v}" for k, v in result.figures().items())
                print(f"{gold['document']:<46} {name:<8} {row}")
                if args.verbose:
                    print(*(f"    miss  {m}" for m in result.misses), sep="\n") if result.misses else None
                    print(*(f"    extra {x}" for x in result.extras), sep="\n") if result.extras else None
        for name, total in totals.items():
            row = "  ".join(f"{k} {v}" for k, v in total.figures().items())
            print(f"{'all documents':<46} {name:<8} {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
