"""Run every benchmark: ``python -m benchmarks [name ...]``.

Each benchmark is a module here that prints its own figures and the ratio to a
baseline it measures in the same run; this runner only runs them one after another
(each in its own process, so one's memory or warm caches do not colour the next).
"""

from __future__ import annotations

import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
ORDER = ["cli", "import", "agreement", "tui", "export"]


def available() -> list[str]:
    found = {p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_")}
    return [name for name in ORDER if name in found] + sorted(found - set(ORDER))


def main(names: list[str]) -> int:
    names = names or available()
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, "
          f"{__import__('os').cpu_count()} cores, Python {platform.python_version()}")
    failed = 0
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], cwd=HERE.parent)
        print(f"--- {name}: {'ok' if done.returncode == 0 else 'FAILED'} in "
              f"{time.perf_counter() - start:.1f} s")
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
