"""Import speed: the full pipeline (layout text + quotes) against plain pdfplumber.

Baseline, measured in the same run on the same files: a loop of ``page.extract_text()``
over every page (what a naive importer does). Files: the demo corpus, a generated
300-page two-column report, and two real reports imported from the shell as a user does
(``coder --db x.db import FILE --jobs 2``, start-up included): the 65-page DPIA (Word,
tables) and pages 3–62 of the Philips annual report (two columns). Also the peak memory
(RSS) of the pipeline on the big and the real files.

Run: ``python -m benchmarks.import`` (``BENCH_PAGES`` sets the generated report's length).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "pdf"


def big_report(path: Path, pages: int = int(os.environ.get("BENCH_PAGES", 300))) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _width, height = A4
    sentence = ("Het wijkteam „helpt inwoners dicht bij huis” en werkt samen met school en huisarts "
                "aan passende ondersteuning voor gezinnen in de wijk. ")
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for p in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(60, height - 40, "Jaarverslag 2023 | Wijkteams Benchmarkstad")
        c.drawString(60, 30, f"pagina {p}")
        c.setFont("Times-Roman", 9.5)
        for x in (60, 315):
            for i in range(58):
                c.drawString(x, height - 80 - i * 12.5, (sentence * 2)[i % 40: i % 40 + 48])
        c.showPage()
    c.save()
    return path


def page_count(file: Path) -> int:
    with pdfplumber.open(file) as pdf:
        return len(pdf.pages)


def plain_loop(files: list[Path]) -> int:
    pages = 0
    for file in files:
        with pdfplumber.open(file) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return pages


def pipeline(files: list[Path], jobs: int) -> None:
    from coder.extraction import extract_pdf
    from coder.quotes.detect import detect_quotes

    for file in files:
        e = extract_pdf(file, jobs=jobs)
        detect_quotes(e.text, italics=e.italics, blocks=e.blocks)


def cli_import(files: list[Path], jobs: int) -> None:
    """The full import as a user runs it: ``coder import`` in a fresh project (text + quotes)."""
    script = Path(sys.executable).with_name("coder")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "coder"]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([*command, "--db", str(Path(tmp) / "bench.db"), "import",
                        *map(str, files), "--jobs", str(jobs)], cwd=ROOT, check=True, capture_output=True)


REAL = Path("/work/shared/real/pdf")


def real_reports(folder: Path) -> dict[str, Path]:
    """The real reports on this machine: the 65-page DPIA, and a 60-page two-column annual
    report (pages 3–62 of the Philips 2018 report)."""
    found = {}
    if (REAL / "nl_vws_coronamelder_dpia.pdf").exists():
        found["65-page real report (DPIA, Word)"] = REAL / "nl_vws_coronamelder_dpia.pdf"
    if (REAL / "en_philips_annual_report_2018.pdf").exists():
        from tests.extraction.quality_eval import subset

        found["60-page real report (Philips, two columns)"] = subset(
            REAL / "en_philips_annual_report_2018.pdf", 3, 62, folder / "philips_60.pdf")
    return found


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def peak_rss_mb(file: Path, jobs: int) -> float:
    """Peak RSS of the pipeline on one file, in a fresh process (its workers included)."""
    code = ("import importlib, resource, sys; from pathlib import Path;"
            "pipeline = importlib.import_module('benchmarks.import').pipeline;"
            f"pipeline([Path({str(file)!r})], {jobs});"
            "s=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
            " c=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
            "print(max(s, c) / 1024)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    jobs = os.cpu_count() or 1
    print(f"load average at the start: {os.getloadavg()[0]:.2f} (other work on the machine slows both sides)")
    with tempfile.TemporaryDirectory() as tmp:
        big = big_report(Path(tmp) / "big.pdf")
        sets = {"demo corpus": sorted(CORPUS.glob("*.pdf")), "300-page report": [big]}
        for name, files in sets.items():
            if not files:
                print(f"{name}: no files, skipped")
                continue
            base = timed(plain_loop, files)
            pages = sum(page_count(f) for f in files)
            ours = timed(pipeline, files, jobs)
            print(f"{name}: {pages} pages; plain extract_text {base:.2f} s ({pages / base:.1f} p/s); "
                  f"pipeline with {jobs} jobs {ours:.2f} s ({pages / ours:.1f} p/s); "
                  f"ratio {base / ours:.2f}x (target >= 1.5x)")
        for name, real in real_reports(Path(tmp)).items():
            base = timed(plain_loop, [real])
            ours = timed(cli_import, [real], 2)
            print(f"{name}, full import from the CLI with 2 jobs: {ours:.2f} s; plain extract_text "
                  f"{base:.2f} s; ratio {base / ours:.2f}x (target >= 1.25x); "
                  f"peak memory {peak_rss_mb(real, 2):.0f} MB (target < 400 MB)")
        print(f"peak memory, pipeline on the 300-page report: {peak_rss_mb(big, jobs):.0f} MB"
              " (target < 400 MB)")


if __name__ == "__main__":
    main()
