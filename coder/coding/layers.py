"""Which codings a report or export shows: one coder's, or the consensus layer.

The default is the consensus layer when adjudication has produced one; otherwise the
only coder who has coded anything; otherwise the caller must name a coder (an error
listing the candidates, rather than a silent guess between two coders' work).
"""

from __future__ import annotations

from coder.coding.coders import CONSENSUS, Coder, find_coder, get_coder, list_coders
from coder.errors import InputError
from coder.store.sqlite import sqlite_utils


def resolve_layer(db: sqlite_utils.Database, coder: str | None = None, *,
                  consensus: bool = False) -> Coder:
    if coder and consensus:
        raise InputError("name either one coder or the consensus layer, not both",
                         params=("coder", "consensus"))
    if coder:
        return get_coder(db, coder)
    layer = find_coder(db, CONSENSUS)
    if consensus:
        if layer is None:
            raise InputError("this project has no consensus layer yet (see `coder adjudicate`)")
        return layer
    if layer is not None and _has_codings(db, layer):
        return layer
    active = [c for c in list_coders(db) if c.kind == "human" and _has_codings(db, c)]
    if len(active) == 1:
        return active[0]
    if not active:
        raise InputError("no codings in this project yet")
    names = ", ".join(c.name for c in active)
    raise InputError(f"several coders have codings ({names}); name one", params=("coder",))


def _has_codings(db: sqlite_utils.Database, coder: Coder) -> bool:
    row = db.execute("SELECT EXISTS (SELECT 1 FROM codings WHERE coder_id = ?)", [coder.id]).fetchone()
    return bool(row[0] == 1)
