"""The `.qdpx` zip: its project file and the source files it holds.

Real tools name the project file `project.qde` or `Project.qde` and keep sources under
`sources/` or `Sources/`, referenced as `internal://<file>`; names are matched without
regard to case. Any entry whose name would escape the project folder (absolute, `..`,
a drive letter) rejects the whole file before anything is read. Sources are read in
blocks, and a damaged entry (bad deflate stream, wrong checksum) is an error for that
entry only.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Self

from coder.errors import InputError

MAX_QDE_BYTES = 512 * 1024 * 1024
BLOCK = 1 << 20
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


class SourceUnreadable(Exception):
    """A source file is missing from the zip or cannot be read; the reason is the message."""


class Archive:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputError(f"{path}: not a .qdpx (zip) file ({exc})") from None
        self._by_name: dict[str, zipfile.ZipInfo] = {}
        for info in self.zip.infolist():
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
                self.zip.close()
                raise InputError(f"{path}: zip entry {name!r} escapes the project folder; nothing imported")
            self._by_name.setdefault(name.replace("\\", "/").lower(), info)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.zip.close()

    def project_xml(self) -> bytes:
        """`project.qde` (any case; else the only `.qde` at the top level)."""
        info = self._by_name.get("project.qde")
        if info is None:
            tops = [i for n, i in self._by_name.items() if n.endswith(".qde") and "/" not in n]
            info = tops[0] if len(tops) == 1 else None
        if info is None:
            raise InputError(f"{self.path}: no project.qde inside")
        if info.file_size > MAX_QDE_BYTES:
            raise InputError(f"{self.path}: project.qde is larger than {MAX_QDE_BYTES >> 20} MiB")
        try:
            return self.zip.read(info)
        except DAMAGED as exc:
            raise InputError(f"{self.path}: project.qde cannot be read ({_reason(exc)})") from None

    def find(self, reference: str) -> zipfile.ZipInfo:
        """The entry an `internal://` reference names (in `sources/`, any case)."""
        if not reference.lower().startswith("internal://"):
            raise SourceUnreadable(f"{reference!r} is outside the .qdpx (only internal:// files are read)")
        name = reference[len("internal://"):].replace("\\", "/").lstrip("/").lower()
        info = self._by_name.get(f"sources/{name}") or self._by_name.get(name)
        if info is None:
            raise SourceUnreadable(f"{reference} is not in the .qdpx")
        return info

    def size(self, reference: str) -> int:
        return self.find(reference).file_size

    def blocks(self, reference: str) -> Iterator[bytes]:
        """The entry's bytes in blocks; a damaged entry raises :class:`SourceUnreadable`."""
        info = self.find(reference)
        try:
            with self.zip.open(info) as stream:
                while block := stream.read(BLOCK):
                    yield block
        except DAMAGED as exc:
            raise SourceUnreadable(f"{reference} is damaged in the .qdpx ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
