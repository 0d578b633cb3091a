"""Start-up and end-to-end speed of the ``coder`` command, run from the shell like a user.

Every figure is the best of a few runs of a fresh process, printed with its ratio to a
baseline measured in the same run: ``python -c pass`` for start-up, and for
``coder agree --table`` a script that reads the same CSV with the csv module and calls
the ``krippendorff`` package (nominal alpha only, no intervals). ``agree --table`` runs
alternate with the script's and report the median (and best) of each, since other work
on the machine slows both; the load average is printed. The package's bytecode is
compiled first (as an installed package has it), since ``PYTHONDONTWRITEBYTECODE`` would
otherwise make every run compile coder from source.

Targets (issue 14): ``coder --help`` < 0.3 s and at most 6x ``python -c pass``;
``coder code ...`` < 0.3 s; ``agree --table`` on 100k units at most 0.2x the
krippendorff script; 1M units < 3 s.

Run: ``python -m benchmarks.cli`` (or ``python -m benchmarks cli``).
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PDF = REPO / "corpus" / "pdf"
KRIPPENDORFF_SCRIPT = """
import csv, sys
import numpy as np
import krippendorff
units, coders, rows = {}, {}, []
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        rows.append((units.setdefault(r["unit"], len(units)), coders.setdefault(r["coder"], len(coders)),
                     float(r["value"]) if r["value"] else np.nan))
data = np.full((len(coders), len(units)), np.nan)
for u, c, v in rows:
    data[c, u] = v
print(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
"""


def coder_cmd() -> list[str]:
    """The installed console script beside this Python (what a user runs), if it runs this
    Python: a venv copied from another checkout has a script that runs that checkout."""
    script = Path(sys.executable).with_name("coder")
    if script.exists():
        shebang = script.read_text(encoding="utf-8", errors="replace").partition("\n")[0]
        if Path(shebang.removeprefix("#!").strip()).parent == Path(sys.executable).absolute().parent:
            return [str(script)]
    return [sys.executable, "-m", "coder"]


def compile_package() -> None:
    import compileall

    compileall.compile_dir(str(REPO / "coder"), quiet=1)


def alternate(commands: dict[str, list[str]], repeat: int = 3) -> dict[str, list[float]]:
    """Seconds of each command over ``repeat`` rounds, the commands taking turns."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    return times


def best_of(argv: Sequence[str], repeat: int = 5, cwd: Path | None = None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def ratings_csv(path: Path, units: int, seed: int = 7) -> Path:
    """Two coders, 30 numeric categories, 70% of ratings copying a shared 'truth'."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["unit", "coder", "value"])
        for u in range(units):
            truth = rng.randrange(30)
            for c in ("a", "b"):
                out.writerow([f"u{u}", c, truth if rng.random() < 0.7 else rng.randrange(30)])
    return path


def small_project(folder: Path) -> Path:
    """One corpus PDF imported, so `coder code` has quotes to code."""
    db = folder / "bench.db"
    pdf = sorted(PDF.glob("*.pdf"))[0]
    subprocess.run([*coder_cmd(), "--db", str(db), "import", str(pdf)], check=True,
                   cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return db


def line(label: str, seconds: float, base: float, base_name: str, target: str) -> None:
    print(f"{label:<44} {seconds:7.3f} s  {seconds / base:6.2f}x {base_name:<14} ({target})")


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="coder-bench-cli-"))
    try:
        compile_package()
        coder = coder_cmd()
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; coder = {' '.join(coder)}")
        empty = best_of([sys.executable, "-c", "pass"], repeat=7)
        print(f"{'python -c pass (baseline)':<44} {empty:7.3f} s")
        line("coder --help", best_of([*coder, "--help"], repeat=7), empty, "python", "< 0.3 s, <= 6x")
        db = small_project(tmp)
        code = best_of([*coder, "--db", str(db), "code", "1", "--coder", "bench", "valentie=positief"])
        line("coder code 1 --coder bench valentie=positief", code, empty, "python", "< 0.3 s")
        script = tmp / "kripp.py"
        script.write_text(KRIPPENDORFF_SCRIPT, encoding="utf-8")
        small = ratings_csv(tmp / "r100k.csv", 100_000)
        runs = alternate({"kripp": [sys.executable, str(script), str(small)],
                          "ours": [*coder, "agree", "--table", str(small)]})
        kripp, ours = (statistics.median(runs[k]) for k in ("kripp", "ours"))
        print(f"{'krippendorff script, 100k units (baseline)':<44} {kripp:7.3f} s  "
              f"(median of 3; best {min(runs['kripp']):.3f} s)")
        line("coder agree --table, 100k units", ours, kripp, "krippendorff",
             f"<= 0.2x; median of 3, best {min(runs['ours']):.3f} s")
        # the package would need a 1M x 30 x 30 array (6.7 GiB) here: ours alone
        big = ratings_csv(tmp / "r1m.csv", 1_000_000)
        runs = alternate({"ours": [*coder, "agree", "--table", str(big)]})
        print(f"{'coder agree --table, 1M units':<44} {statistics.median(runs['ours']):7.3f} s  "
              f"(target < 3 s; median of 3, best {min(runs['ours']):.3f} s)")
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
