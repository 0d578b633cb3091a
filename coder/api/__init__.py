"""coder's Python API: the same operations as the ``coder`` command, returning records.

>>> import coder
>>> p = coder.open_project(":memory:")
>>> [c.name for c in p.coders()]
[]

See :class:`coder.api.project.Project` for the methods, :mod:`coder.api.records` for what
they return, and :mod:`coder.api.files` for calls that need no project.
"""

from __future__ import annotations

from coder.api.files import check_codebook, draw_layout, read_codebook, segment_agreement, table_agreement
from coder.api.project import Project, open_project
from coder.api.records import CodebookCheck, CoderSummary, Coding, CodingChange, Document, Quote, Written

__all__ = [
    "CodebookCheck", "CoderSummary", "Coding", "CodingChange", "Document", "Project", "Quote", "Written",
    "check_codebook", "draw_layout", "open_project", "read_codebook", "segment_agreement", "table_agreement",
]
