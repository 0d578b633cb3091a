"""What ``coder import`` is given: PDFs (files or folders, with a manifest) and the
exchange formats, recognised by extension."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.errors import InputError
from coder.ingest.manifest import find_manifest, read_manifest
from coder.store.sqlite import sqlite_utils

# Importers for non-PDF files, by extension: each returns its summary (one or more lines)
# and takes the options of `coder import` that concern it as keywords, ignoring the rest.
Importer = Callable[..., str]
IMPORTERS: dict[str, Importer] = {}


@dataclass
class Inputs:
    pdfs: list[Path] = field(default_factory=list)
    others: list[Path] = field(default_factory=list)
    metadata: dict[Path, dict[str, Any]] = field(default_factory=dict)
    missing: list[tuple[Path, str]] = field(default_factory=list)
    manifests: list[Path] = field(default_factory=list)

    def unlisted(self) -> list[Path]:
        """PDFs that a manifest is there for but that it does not list: they would be
        imported without title, organisation or year, which a researcher wants to know."""
        if not self.manifests:
            return []
        return [pdf for pdf in self.pdfs if pdf.resolve() not in self.metadata]


def collect_inputs(paths: list[Path], manifest: Path | None = None) -> Inputs:
    """Expand folders to their PDFs (sorted) and gather manifest metadata.

    A ``documents.csv`` in a given folder, or beside a given file, is read unless an
    explicit manifest is passed. A malformed manifest is an error for the whole call:
    importing with silently wrong metadata is worse than not importing.
    """
    inputs = Inputs()
    manifests: set[Path] = {manifest.resolve()} if manifest else set()
    for path in paths:
        if path.is_dir():
            inputs.pdfs += _pdfs_in(path, inputs.missing)
            folder = path
        elif path.is_file():
            folder = path.parent
            if path.suffix.lower() == ".pdf":
                inputs.pdfs.append(path)
            else:
                inputs.others.append(path)
        else:
            inputs.missing.append((path, "no such file or folder"))
            continue
        if manifest is None:
            found = find_manifest(folder) or find_manifest(folder.parent)
            if found:
                manifests.add(found.resolve())
    for found in sorted(manifests):
        inputs.metadata.update(read_manifest(found))
        inputs.manifests.append(found)
    return inputs


def _pdfs_in(folder: Path, unreadable: list[tuple[Path, str]]) -> list[Path]:
    """The PDFs under ``folder``, sorted; a sub-folder that cannot be listed is named in
    ``unreadable`` (pathlib's rglob would skip it without a word)."""
    found: list[Path] = []

    def failed(exc: OSError) -> None:
        unreadable.append((Path(exc.filename or folder), exc.strerror or str(exc)))

    for root, _dirs, files in os.walk(folder, onerror=failed):
        found += [Path(root) / name for name in files if name.lower().endswith(".pdf")]
    return sorted(p for p in found if p.is_file())


def import_pdfs(db: sqlite_utils.Database, inputs: Inputs,
                on_file: Callable[[int, Path], Any] | None = None, **options: Any) -> Iterator[Any]:
    """Import the PDFs of ``inputs`` one at a time, yielding each :class:`ImportResult`
    as soon as that document is stored (or has failed).

    ``on_file(number, path)`` is called before each file and may return a page progress
    callback for it; ``options`` go to :func:`coder.ingest.documents.import_pdf`. Stopping the
    iteration between files leaves every document either wholly stored or absent.
    """
    from coder.ingest.documents import import_pdf

    for number, path in enumerate(inputs.pdfs, start=1):
        progress = on_file(number, path) if on_file else None
        yield import_pdf(db, path, inputs.metadata.get(path.resolve()), progress=progress, **options)


def _register_exchange_formats() -> None:
    from coder.exchange.refi.read import import_qdc, import_qdpx

    IMPORTERS.setdefault(".qdc", import_qdc)
    IMPORTERS.setdefault(".qdpx", import_qdpx)
    IMPORTERS.setdefault(".codings", _import_codings)


def _import_codings(db: sqlite_utils.Database, path: Path, **_: Any) -> str:
    from coder.exchange.codings import import_codings

    report = import_codings(db, path)
    return "\n".join([report.summary(path)] + [f"  not applied: {p}" for p in report.problems])


def import_other(db: sqlite_utils.Database, path: Path, **options: Any) -> str:
    _register_exchange_formats()
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        known = ", ".join([".pdf", *sorted(IMPORTERS)])
        raise InputError(f"{path}: cannot import {path.suffix or 'files without extension'} (known: {known})")
    return importer(db, path, **options)
