"""Worker processes end when the process that started them dies.

A pool worker waits for its next task on a pipe whose write end every forked sibling
also holds, so a ``kill -9`` of ``coder import`` would leave its extraction workers
running (and then waiting) for ever. Each worker calls :func:`die_with_parent` when it
starts: on Linux the kernel sends it SIGKILL when its parent dies (``PR_SET_PDEATHSIG``);
everywhere a daemon thread also checks, a few times a second, that the parent is still
its parent, and ends the process at once when it is not.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.25


def die_with_parent() -> None:
    """Call in a freshly started worker process (a pool initializer)."""
    parent = os.getppid()
    _kernel_signal_on_parent_death()
    if os.getppid() != parent or parent == 1:  # the parent died before we were set up
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="coder-lifeline", daemon=True).start()


def _kernel_signal_on_parent_death() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watching thread below still ends the worker


def _watch(parent: int) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)
