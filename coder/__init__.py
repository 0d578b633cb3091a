"""coder: qualitative coding of quotes from Dutch wijkteam reports.

The core (everything outside :mod:`coder.tui`) never imports Textual, so the library and
the CLI work without a terminal and can be tested on their own. The Python API
(:mod:`coder.api`) is reachable from here and loaded on first use, so ``import coder``
stays cheap::

    import coder
    p = coder.open_project("coder.db")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = ("open_project", "Project", "Document", "Quote", "Coding", "CodingChange", "CoderSummary",
        "CodebookCheck", "Written", "check_codebook", "read_codebook", "table_agreement",
        "segment_agreement")

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        from coder import api

        return getattr(api, name)
    raise AttributeError(f"module 'coder' has no attribute {name!r}")
