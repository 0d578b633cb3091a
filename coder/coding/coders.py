"""Coders: the people (and the consensus layer) whose codings are kept apart."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from coder.coding.events import now
from coder.errors import InputError
from coder.store.db import write
from coder.store.sqlite import sqlite_utils

CONSENSUS = "consensus"


#: Unicode categories refused in names: controls, format characters, line/paragraph separators.
CONTROL = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co"}


@dataclass(frozen=True)
class Coder:
    id: int
    name: str
    kind: str = "human"


def _check_name(name: str, kind: str = "human") -> str:
    """A coder name fit to print: control and format characters (ESC, CR, DEL, a
    right-to-left override) could rewrite the user's terminal when it is listed."""
    if not isinstance(name, str):
        raise InputError(f"invalid coder name {name!r} (a name must be text)")
    if any(unicodedata.category(ch) in CONTROL for ch in name):
        raise InputError(f"invalid coder name {name!r} (no control characters)")
    name = name.strip()
    if not name or len(name) > 64 or any(ch in name for ch in ",="):
        raise InputError(f"invalid coder name {name!r} (1-64 characters, no comma, '=' or tabs)")
    if kind == "human" and name.lower() == CONSENSUS:
        raise InputError(f"{CONSENSUS!r} is reserved for the adjudicated layer; "
                         "only `coder adjudicate` writes into it")
    return name


def find_coder(db: sqlite_utils.Database, name: str) -> Coder | None:
    if not isinstance(name, str):
        return None
    row = db.execute("SELECT id, name, kind FROM coders WHERE name = ?", [name.strip()]).fetchone()
    return Coder(*row) if row else None


def get_coder(db: sqlite_utils.Database, name: str) -> Coder:
    """The coder called ``name``; an unknown name is an input error."""
    coder = find_coder(db, name)
    if coder is None:
        known = ", ".join(c.name for c in list_coders(db)) or "none yet"
        raise InputError(f"unknown coder {name!r} (known: {known})")
    return coder


def add_coder(db: sqlite_utils.Database, name: str, kind: str = "human") -> Coder:
    name = _check_name(name, kind)
    if find_coder(db, name):
        raise InputError(f"coder {name!r} already exists")
    with write(db):
        cursor = db.execute("INSERT INTO coders (name, kind, created_at) VALUES (?, ?, ?)",
                            [name, kind, now()])
    assert cursor.lastrowid is not None  # always set after an INSERT
    return Coder(cursor.lastrowid, name, kind)


def ensure_coder(db: sqlite_utils.Database, name: str) -> tuple[Coder, bool]:
    """The human coder called ``name``, registering it on first use. Returns (coder, created).

    Never the consensus layer: what a person codes must not land in the adjudicated layer.
    """
    coder = find_coder(db, name)
    if coder and (coder.kind == "consensus" or coder.name.lower() == CONSENSUS):
        raise InputError(f"{CONSENSUS!r} is reserved for the adjudicated layer; "
                         "only `coder adjudicate` writes into it")
    if coder:
        return coder, False
    return add_coder(db, name), True


def consensus_layer(db: sqlite_utils.Database) -> Coder:
    """The consensus layer, created on first use (adjudication and .qdpx import only)."""
    coder = find_coder(db, CONSENSUS)
    if coder is None:
        return add_coder(db, CONSENSUS, kind="consensus")
    if coder.kind != "consensus":
        raise InputError(f"a coder called {coder.name!r} is not the consensus layer; rename them first "
                         f"(coder coders rename {coder.name} NAME)")
    return coder


def coding_counts(db: sqlite_utils.Database) -> dict[int, int]:
    """Number of codings per coder id (coders without codings are absent)."""
    return {coder_id: n for coder_id, n in db.execute(
        "SELECT coder_id, COUNT(*) FROM codings GROUP BY coder_id")}


def list_coders(db: sqlite_utils.Database) -> list[Coder]:
    return [Coder(*row) for row in db.execute("SELECT id, name, kind FROM coders ORDER BY id")]


def rename_coder(db: sqlite_utils.Database, old: str, new: str) -> Coder:
    coder = get_coder(db, old)
    if coder.kind == "consensus":
        raise InputError(f"the consensus layer keeps its name {coder.name!r}")
    new = _check_name(new)
    clash = find_coder(db, new)
    if clash and clash.id != coder.id:
        raise InputError(f"coder {new!r} already exists")
    with write(db):
        db.execute("UPDATE coders SET name = ? WHERE id = ?", [new, coder.id])
    return Coder(coder.id, new, coder.kind)
