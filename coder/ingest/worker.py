"""Importing PDFs in a separate process, for callers that must stay responsive.

Reading a PDF is seconds of pure-Python CPU work. Done in a thread of the terminal UI
it holds the GIL so much that a key press waited two seconds (measured: 10 keys took
20 s while a 150-page report was read). Here each PDF is read *and stored* by one
spawned worker process, with its own database connection (SQLite in WAL mode lets it
write while the UI writes codings); the caller's thread only waits and relays progress.
Spawned, not forked: forking a process that runs threads can deadlock the child.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue as queue_module
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from coder.ingest.documents import ImportResult
from coder.ingest.inputs import Inputs

ProgressFn = Callable[[int, int], Any]

_progress_queue: Any = None  # set in each worker process by _start_worker


def _start_worker(progress_queue: Any) -> None:
    """Worker set-up: keep its output off the caller's terminal, which a UI is drawing."""
    from coder.extraction.lifeline import die_with_parent

    die_with_parent()
    global _progress_queue
    _progress_queue = progress_queue
    progress_queue.put(("pid", os.getpid()))  # so that the caller can stop it at once
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)


def _report_page(done: int, total: int) -> None:
    _progress_queue.put(("page", done, total))


def _import_one(db_path: str, path: Path, metadata: dict[str, Any] | None,
                options: dict[str, Any]) -> ImportResult:
    from coder.ingest.documents import import_pdf
    from coder.store.db import connect

    db = connect(db_path)
    try:
        # One process, no pool of its own: pool processes forked from here would be
        # orphaned, and left waiting for ever, when the caller stops this worker.
        return import_pdf(db, path, metadata, progress=_report_page, **{**options, "jobs": 1})
    finally:
        db.close()


def import_pdfs_in_process(db_path: str | Path, inputs: Inputs,
                           on_file: Callable[[int, Path], ProgressFn | None] | None = None,
                           cancelled: Callable[[], bool] = lambda: False,
                           **options: Any) -> Iterator[ImportResult]:
    """Like :func:`coder.ingest.inputs.import_pdfs`, but each PDF is read and stored by a
    worker process. Yields each result once that document is stored or has failed;
    stops between files once ``cancelled()`` is true."""
    context = multiprocessing.get_context("spawn")
    _start_resource_tracker()
    pages = context.Queue()
    pool = None
    workers: set[int] = set()
    try:
        for number, path in enumerate(inputs.pdfs, start=1):
            if cancelled():
                return
            if pool is None:
                pool = ProcessPoolExecutor(1, mp_context=context, initializer=_start_worker,
                                           initargs=(pages,))
            progress = on_file(number, path) if on_file else None
            metadata = inputs.metadata.get(path.resolve())
            future = pool.submit(_import_one, str(db_path), path, metadata, options)
            while not future.done():
                if cancelled():  # stop now: the document's transaction is rolled back whole
                    _stop(pool, workers)
                    pool = None
                    return
                _relay(pages, progress, workers, timeout=0.1)
            _relay(pages, progress, workers, timeout=0)
            try:
                result = future.result()
            except BrokenProcessPool:  # the worker died (killed, out of memory): name the file, go on
                result = ImportResult(path, "failed", error=f"{path}: the import process died")
                pool.shutdown(wait=False)
                pool = None
            except Exception as exc:
                result = ImportResult(path, "failed", error=f"{path}: {type(exc).__name__}: {exc}")
            yield result
    finally:
        if pool is not None:
            pool.shutdown()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    The tracker is handed ``sys.stderr.fileno()``; under a UI that captures
    ``sys.stderr`` (Textual does) that is -1 and starting a process fails with "bad
    value(s) in fds_to_keep". The swap lasts only while the tracker starts.
    """
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        try:
            usable = saved.fileno() >= 0
        except Exception:
            usable = False
        if not usable and sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved


def _relay(pages: Any, progress: ProgressFn | None, workers: set[int], timeout: float) -> None:
    """Pass queued page progress on (the newest is enough) and note worker pids,
    waiting up to ``timeout`` for the first message."""
    latest = None
    try:
        message = pages.get(timeout=timeout) if timeout else pages.get_nowait()
        while True:
            if message[0] == "pid":
                workers.add(message[1])
            else:
                latest = message[1:]
            message = pages.get_nowait()
    except queue_module.Empty:
        pass
    if latest is not None and progress is not None:
        progress(*latest)


def _stop(pool: ProcessPoolExecutor, workers: set[int]) -> None:
    """Kill the workers mid-document (SQLite rolls their open transaction back) so that
    quitting the UI does not wait for a long PDF to finish."""
    for pid in workers:
        with contextlib.suppress(OSError):  # already gone
            os.kill(pid, signal.SIGKILL)
    pool.shutdown(wait=False, cancel_futures=True)
