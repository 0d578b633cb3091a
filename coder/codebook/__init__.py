"""The codebook: facets and codes, read from YAML and kept in the project database.

Names are imported on first use (PEP 562): the TUI reads the codebook from the database
and should not pay for the YAML reader on its way to the first screen.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coder.codebook.load import (
        CodebookError,
        Problem,
        check_codebook,
        load_codebook,
    )
    from coder.codebook.model import Code, Codebook, Facet
    from coder.codebook.sync import SyncReport, codebook_from_db, sync_codebook

_WHERE = {"CodebookError": "load", "Problem": "load", "check_codebook": "load", "load_codebook": "load",
          "Code": "model", "Codebook": "model", "Facet": "model",
          "SyncReport": "sync", "codebook_from_db": "sync", "sync_codebook": "sync"}

__all__ = ["Code", "Codebook", "CodebookError", "Facet", "Problem", "SyncReport", "check_codebook",
           "codebook_from_db", "load_codebook", "sync_codebook"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'coder.codebook' has no attribute {name!r}")
    return getattr(import_module(f"coder.codebook.{_WHERE[name]}"), name)
