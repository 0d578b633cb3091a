"""One import batch as a user starts it: files and folders in, one line per event out.

``coder import`` and :meth:`coder.api.Project.import_pdfs` both run this, so the order of
the messages (missing files, files a manifest does not list, exchange files, then each
PDF) and the counting of failures are the same from the shell and from Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.errors import CoderError
from coder.ingest.documents import ImportResult
from coder.ingest.inputs import collect_inputs, import_other, import_pdfs
from coder.store.project import init_project
from coder.store.sqlite import sqlite_utils

#: ``on_file(number, path)`` may return a ``progress(done, total)`` callback for its pages.
OnFile = Callable[[int, Path], Any]


@dataclass
class ImportBatch:
    """What a batch did: per-status counts of PDFs, and how many inputs failed."""

    totals: dict[str, int] = field(default_factory=lambda: {
        "imported": 0, "reimported": 0, "skipped": 0, "failed": 0})
    failures: int = 0
    pdfs: int = 0
    others: int = 0
    results: list[ImportResult] = field(default_factory=list)

    def summary(self) -> str | None:
        """The closing line (``2 imported, 1 skipped, 1 failed``); None when only exchange
        files came. "failed" counts every input that failed: PDFs, exchange files and
        paths that do not exist."""
        if self.pdfs or not self.others:
            counts = {**self.totals, "failed": self.failures}
            return ", ".join(f"{n} {status}" for status, n in counts.items() if n) or "nothing to import"
        return None


def import_batch(db: sqlite_utils.Database, paths: list[Path], *, manifest: Path | None = None,
                 on_note: Callable[[str], None] | None = None, on_file: OnFile | None = None,
                 on_result: Callable[[ImportResult], None] | None = None,
                 on_plan: Callable[[int], None] | None = None, offsets: str = "auto",
                 **options: Any) -> ImportBatch:
    """Import PDFs (files or folders) and exchange files; a bad file never stops the rest.

    ``on_note`` receives each one-line message (errors as ``coder: error: ...``);
    ``on_plan(n)`` is told the number of PDFs before the first starts;
    ``offsets`` says how a .qdpx counts selection offsets (see :mod:`coder.exchange.refi.texts`);
    ``options`` (force, password, jobs, ocr) go to the PDF import.
    """
    note = on_note or (lambda line: None)
    inputs = collect_inputs(paths, manifest)
    batch = ImportBatch(failures=len(inputs.missing), pdfs=len(inputs.pdfs), others=len(inputs.others))
    for path, reason in inputs.missing:
        note(f"coder: error: {path}: {reason}")
    for path in inputs.unlisted():
        note(f"{path}: warning: not in the manifest ({', '.join(m.name for m in inputs.manifests)}); "
             "imported without its metadata")
    for path in inputs.others:
        try:
            note(import_other(db, path, offsets=offsets))
        except CoderError as exc:
            said = str(exc)  # every line names its file, also for errors raised deeper down
            note(f"coder: error: {said if said.startswith(str(path)) else f'{path}: {said}'}")
            batch.failures += 1
    # Exchange files bring their own codebook; PDFs get the default one in a fresh project.
    if inputs.pdfs or not inputs.others:
        init_project(db, None, quiet=True)
    if on_plan:
        on_plan(len(inputs.pdfs))
    for result in import_pdfs(db, inputs, on_file, **options):
        batch.totals[result.status] += 1
        batch.results.append(result)
        if on_result:
            on_result(result)
    batch.failures += batch.totals["failed"]
    return batch
