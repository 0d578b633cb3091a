"""REFI-QDA import of a large text source (default 100 MB; `python -m benchmarks.refi 300`).

The source is written as Windows tools write it (CRLF, accents, an emoji per line), with
three coded selections. Baseline, measured in the same run: reading the zip entry whole,
decoding it and running the project's normaliser over it (what a non-streaming import
would do before any offset work). Ours: the whole `import_project` (chunked decode and
normalisation with offset mapping, storing the text, quotes and codings). Each runs in
its own process so that peak memory (max RSS) is its own.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

LINE = "Het wijkteam nam me serieus en dacht met me mee, zegt één inwoner. 😡\r\n"
NS = "urn:QDA-XML:project:1.0"
USER, CODE, SOURCE = (f"aaaaaaaa-0000-0000-0000-00000000000{i}" for i in (1, 2, 3))


def build(path: Path, megabytes: int) -> int:
    lines = megabytes * 2**20 // len(LINE.encode())
    spans = [(k * len(LINE), k * len(LINE) + 12) for k in (0, lines // 2, lines - 1)]
    selections = "".join(
        f'<PlainTextSelection guid="cccccccc-0000-0000-0000-{i:012d}" startPosition="{s}" endPosition="{e}">'
        f'<Coding guid="dddddddd-0000-0000-0000-{i:012d}" creatingUser="{USER}">'
        f'<CodeRef targetGUID="{CODE}"/>'
        "</Coding></PlainTextSelection>" for i, (s, e) in enumerate(spans))
    qde = (f'<Project xmlns="{NS}" name="big"><Users><User guid="{USER}" name="a"/></Users><CodeBook><Codes>'
           f'<Code guid="{CODE}" name="x" isCodable="true"/></Codes></CodeBook><Sources><TextSource '
           f'guid="{SOURCE}" name="big" plainTextPath="internal://{SOURCE}.txt">{selections}</TextSource>'
           "</Sources></Project>")
    block = (LINE * 10_000).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", qde)
        with archive.open(f"sources/{SOURCE}.txt", "w", force_zip64=True) as out:
            for _ in range(lines // 10_000):
                out.write(block)
            out.write((LINE * (lines % 10_000)).encode())
    return lines * len(LINE.encode())


def baseline(path: Path) -> None:
    from coder.extraction.normalise import normalise

    with zipfile.ZipFile(path) as archive:
        normalise(archive.read(f"sources/{SOURCE}.txt").decode("utf-8-sig"))


def ours(path: Path) -> None:
    from coder.exchange.refi.read import import_project
    from coder.store.db import connect

    summary = import_project(connect(path.with_suffix(".db")), path)
    assert sum(summary.codings_new.values()) == 3, summary.lines()


def measure(target, path: Path) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of ``target(path)`` in a fresh process."""
    start = time.perf_counter()
    process = multiprocessing.get_context("spawn").Process(target=target, args=(path,))
    process.start()
    process.join()
    seconds = time.perf_counter() - start
    if process.exitcode:
        raise SystemExit(f"{target.__name__} failed")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(megabytes: int = 100) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.qdpx"
        size = build(path, megabytes)
        ours_s, ours_mb = measure(ours, path)  # first: RUSAGE_CHILDREN is the max over children so far
        base_s, base_mb = measure(baseline, path)
        print(f"text source of {size / 2**20:.0f} MiB (CRLF, accents, emoji), 3 coded selections")
        print(f"read whole + normalise (baseline): {base_s:6.1f} s, peak {max(base_mb, ours_mb):6.0f} MiB"
              " (or less, when ours was higher)")
        print(f"import_project (ours):             {ours_s:6.1f} s ({ours_s / base_s:.2f}x), "
              f"peak {ours_mb:6.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
