"""kill -9 in the middle of work: what was confirmed stays, nothing is half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlite_utils

from coder.store.db import connect
from tests.conftest import add_small_codebook, add_text_document, make_pdf

pytestmark = pytest.mark.faults

CODING_LOOP = textwrap.dedent("""
    import sys
    from coder.store.db import connect
    from coder.coding.coders import ensure_coder
    from coder.coding.assign import code_quote, parse_assignment
    db = connect(sys.argv[1])
    coder = ensure_coder(db, sys.argv[2])[0]
    quotes = [r[0] for r in db.execute("SELECT id FROM quotes ORDER BY id")]
    values = ["positief", "negatief", "gemengd_neutraal"]
    i = 0
    while True:
        quote = quotes[i % len(quotes)]
        result = code_quote(db, quote, coder,
                            [parse_assignment("valentie=" + values[(i // len(quotes)) % 3])])
        print(result.event_id, flush=True)   # "shown as saved": only after the commit
        i += 1
""")


def consistent(db: sqlite_utils.Database) -> None:
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_kill_9_while_coding_loses_no_confirmed_coding(tmp_path):
    path = tmp_path / "p.db"
    db = connect(path)
    add_small_codebook(db)
    for n in range(3):
        add_text_document(db, title=f"doc{n}")
    db.close()
    proc = subprocess.Popen([sys.executable, "-c", CODING_LOOP, str(path), "anna"],
                            stdout=subprocess.PIPE, text=True)
    confirmed = []
    while len(confirmed) < 150:
        confirmed.append(int(proc.stdout.readline()))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    db = connect(path)
    consistent(db)
    logged = {r[0] for r in db.execute("SELECT id FROM events")}
    assert set(confirmed) <= logged
    # one value per quote for the single facet: no half-applied replace
    dupes = db.execute("SELECT quote_id FROM codings WHERE facet = 'valentie'"
                       " GROUP BY quote_id, coder_id HAVING COUNT(*) > 1").fetchall()
    assert dupes == []
    # the state equals the last logged event's result for each quote
    for quote_id, payload in db.execute(
            "SELECT quote_id, payload FROM events WHERE id IN"
            " (SELECT MAX(id) FROM events GROUP BY quote_id)"):
        added = [op["coding"]["code"] for op in json.loads(payload)["ops"] if op["op"] == "coding_add"]
        have = [r[0] for r in db.execute("SELECT code FROM codings WHERE quote_id = ?", [quote_id])]
        assert have == added


def test_two_processes_coding_at_once_lose_nothing(tmp_path):
    path = tmp_path / "p.db"
    db = connect(path)
    add_small_codebook(db)
    for n in range(4):
        add_text_document(db, title=f"doc{n}")
    db.close()
    procs = [subprocess.Popen([sys.executable, "-c", CODING_LOOP, str(path), name],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("anna", "bram")]
    confirmed: dict[int, list[int]] = {0: [], 1: []}
    deadline = time.monotonic() + 60
    while min(len(v) for v in confirmed.values()) < 200 and time.monotonic() < deadline:
        for i, proc in enumerate(procs):
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            confirmed[i].append(int(line))
    for proc in procs:
        proc.kill()
        proc.wait()
    db = connect(path)
    consistent(db)
    logged = {r[0] for r in db.execute("SELECT id FROM events")}
    assert set(confirmed[0]) | set(confirmed[1]) <= logged
    assert min(len(v) for v in confirmed.values()) >= 200


def test_kill_9_during_import_then_rerun_completes_without_duplicates(tmp_path):
    folder = tmp_path / "pdfs"
    folder.mkdir()
    for n in range(6):
        body = "\n".join(f"Rapport {n}, regel {i}: het wijkteam „helpt inwoners snel en dichtbij” zegt men."
                         for i in range(40))
        make_pdf(folder / f"rapport-{n}.pdf", [body] * 15)
    path = tmp_path / "p.db"
    args = [sys.executable, "-m", "coder", "--db", str(path), "import", str(folder), "--jobs", "1"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if "imported as document" in line or not line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    db = connect(path)
    consistent(db)
    partial = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert partial < 6
    for doc_id, pages in db.execute("SELECT id, pages FROM documents"):
        assert db.execute("SELECT COUNT(*) FROM pages WHERE doc_id = ?", [doc_id]).fetchone()[0] == pages
        assert db.execute("SELECT COUNT(*) FROM document_texts WHERE doc_id = ?", [doc_id]).fetchone()[0] == 1
    db.close()
    rerun = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    db = connect(path)
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 6
    assert db.execute("SELECT COUNT(DISTINCT sha256) FROM documents").fetchone()[0] == 6


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to find the workers")
def test_extraction_workers_exit_when_import_is_killed(tmp_path):
    line = "Regel {}: het wijkteam „helpt inwoners snel en dichtbij” zegt men."
    body = "\n".join(line.format(i) for i in range(45))
    make_pdf(tmp_path / "lang.pdf", [body] * 160)
    args = [sys.executable, "-m", "coder", "--db", str(tmp_path / "p.db"), "import",
            str(tmp_path / "lang.pdf"), "--jobs", "2"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the import never started its extraction workers"
    time.sleep(1.0)  # the workers are reading pages now
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "extraction workers outlived the killed import by more than 10 s"
