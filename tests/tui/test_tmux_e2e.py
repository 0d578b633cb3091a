"""The real `coder tui` in a real terminal (tmux): keys in, database out."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid

import pytest

from coder.db import connect

pytestmark = [pytest.mark.tmux, pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed")]


def wait_for(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_keys_typed_in_tmux_are_saved(tui_db):
    session = f"coder-{uuid.uuid4().hex[:8]}"
    command = f"{sys.executable} -m coder --db {tui_db} tui --coder anna"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "45", command], check=True)
    try:
        capture = lambda: subprocess.run(["tmux", "capture-pane", "-p", "-t", session],  # noqa: E731
                                         capture_output=True, text=True).stdout
        assert wait_for(lambda: "Quote 1/" in capture()), capture()
        subprocess.run(["tmux", "send-keys", "-t", session, "2"], check=True)
        assert wait_for(lambda: "saved" in capture()), capture()
        subprocess.run(["tmux", "send-keys", "-t", session, "2"], check=True)
        db = connect(tui_db)
        assert wait_for(lambda: db.execute("SELECT COUNT(*) FROM codings").fetchone()[0] == 2)
        rows = sorted(r[0] for r in db.execute("SELECT code FROM codings"))
        assert rows == ["negatief", "normaliseren"]
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session])
