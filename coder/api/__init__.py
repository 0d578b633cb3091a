"""coder's Python API: the same operations as the ``coder`` command, returning records.

>>> import coder
>>> p = coder.open_project(":memory:")
>>> [c.name for c in p.coders()]
[]

See :class:`coder.api.project.Project` for the methods, :mod:`coder.api.records` for what
they return, and :mod:`coder.api.files` for calls that need no project.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coder.api.files import check_codebook, draw_layout, read_codebook, segment_agreement, table_agreement
    from coder.api.project import Project, open_project
    from coder.api.records import CodebookCheck, CoderSummary, Coding, CodingChange, Document, Quote, Written

#: Each name's module, loaded on first use: `coder agree --table` needs only ``files``
#: (the project layer and the records cost ~6 ms of its start-up).
_WHERE = {
    **dict.fromkeys(("check_codebook", "draw_layout", "read_codebook", "segment_agreement",
                     "table_agreement"), "files"),
    **dict.fromkeys(("Project", "open_project"), "project"),
    **dict.fromkeys(("CodebookCheck", "CoderSummary", "Coding", "CodingChange", "Document", "Quote",
                     "Written"), "records"),
}

__all__ = [
    "CodebookCheck", "CoderSummary", "Coding", "CodingChange", "Document", "Project", "Quote", "Written",
    "check_codebook", "draw_layout", "open_project", "read_codebook", "segment_agreement", "table_agreement",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
