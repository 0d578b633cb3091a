"""Peak memory of the real `coder agree --table` on big tables (issue 15).

Two generated tables: ~200 MB of 2 coders x 5 categories (target: peak RSS at most
max(2 x file size, 400 MB)), and 50,000 categories x 3 coders (target: finishes; dense
q x q tables needed ~20 GB). Each run is the installed CLI started from the shell,
measured by `resource.getrusage(RUSAGE_CHILDREN)` in a fresh wrapper process; the baseline,
measured in the same run, is `coder --version` (the interpreter and the CLI's imports).

Each case runs three times; medians are printed with the load average.

Run: ``python -m benchmarks.agree_memory`` (writes ~210 MB under $TMPDIR).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WRAPPER = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True);"
           "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def coder_command() -> list[str]:
    from benchmarks.cli import coder_cmd  # this venv's script, if it runs this Python

    return coder_cmd()


def peak(args: list[str]) -> tuple[int, float, float]:
    """(exit code, peak RSS in MB, seconds) of one CLI run."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAPPER, *coder_command(), *args],
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), int(out[1]) / 1024, time.perf_counter() - start


def write_table(path: Path, units: int, q: int, coders: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w") as f:
        f.write("unit,coder,value\n")
        for u in range(units):
            truth = rng.randrange(q)
            for c in range(coders):
                value = truth if rng.random() < 0.8 else rng.randrange(q)
                f.write(f"u{u:08d},coder{c + 1},{value + 1}\n")


def median_of_3(args: list[str]) -> tuple[int, float, float]:
    """(exit code, median peak MB, median seconds) of three runs: other work on the machine
    changes the time, hardly the peak."""
    runs = [peak(args) for _ in range(3)]
    return (max(r[0] for r in runs), statistics.median(r[1] for r in runs),
            statistics.median(r[2] for r in runs))


def main() -> None:
    from benchmarks.cli import compile_package

    compile_package()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"coder = {' '.join(coder_command())}")
    with tempfile.TemporaryDirectory() as tmp:
        big, many = Path(tmp) / "big5.csv", Path(tmp) / "q50k.csv"
        write_table(big, 5_300_000, 5, 2)
        write_table(many, 100_000, 50_000, 3)
        size = big.stat().st_size / 1e6
        _, base, _ = peak(["--version"])
        print(f"baseline `coder --version`: peak {base:.0f} MB")
        code, mb, secs = median_of_3(["agree", "--table", str(big), "--json"])
        target = max(2 * size, 400)
        print(f"agree --table, {size:.0f} MB, 5 categories: exit {code}, peak {mb:.0f} MB "
              f"({mb / size:.2f}x the file, {mb / base:.1f}x baseline; target <= {target:.0f} MB: "
              f"{'met' if mb <= target else 'NOT met'}), {secs:.1f} s (medians of 3)")
        code, mb, secs = median_of_3(["agree", "--table", str(many), "--json"])
        print(f"agree --table, 50,000 categories, 3 coders, 100k units: exit {code}, peak {mb:.0f} MB, "
              f"{secs:.1f} s (target: finishes)")
        code, mb, secs = median_of_3(["agree", "--table", str(many), "--level", "interval", "--json"])
        print(f"  the same, --level interval: exit {code}, peak {mb:.0f} MB, {secs:.1f} s")
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
