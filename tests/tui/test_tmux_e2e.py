"""The real `coder tui` in a real terminal (tmux): keys in, database out."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid

import pytest

from coder.store.db import connect

pytestmark = [pytest.mark.tmux, pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed")]


def wait_for(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_keys_typed_in_tmux_are_saved_and_survive_kill_9(tui_db):
    session = f"coder-{uuid.uuid4().hex[:8]}"
    command = f"{sys.executable} -m coder --db {tui_db} tui --coder anna"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "45", command], check=True)
    try:
        capture = lambda: subprocess.run(["tmux", "capture-pane", "-p", "-t", session],  # noqa: E731
                                         capture_output=True, text=True).stdout
        assert wait_for(lambda: "Quote 1/" in capture()), capture()
        subprocess.run(["tmux", "send-keys", "-t", session, "2"], check=True)
        assert wait_for(lambda: "Transformatiedoel = Normaliseren" in capture()), capture()
        subprocess.run(["tmux", "send-keys", "-t", session, "2"], check=True)
        assert wait_for(lambda: "Valentie = Negatief" in capture()), capture()
        # What the screen showed as saved survives a kill -9 of the whole TUI.
        pid = int(subprocess.run(["tmux", "display-message", "-p", "-t", session, "#{pane_pid}"],
                                 capture_output=True, text=True, check=True).stdout)
        os.killpg(pid, signal.SIGKILL)
        db = connect(tui_db)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = sorted(r[0] for r in db.execute("SELECT code FROM codings"))
        assert rows == ["negatief", "normaliseren"]
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session])
