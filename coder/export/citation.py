"""Citations in the study's style: ``(Jaarverslag Wijkteams Arnhem 2020, p. 12)``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coder.export.labels import DOC_TYPE_LABELS


def source_name(doc: Mapping[str, Any]) -> str:
    """The document as the report names it: its title, with the year when the title lacks it."""
    title = (doc.get("title") or "").strip()
    if not title:
        parts = [DOC_TYPE_LABELS["nl"].get(doc.get("doc_type") or "", "Document"),
                 doc.get("organisation") or doc.get("municipality") or ""]
        title = " ".join(p for p in parts if p)
    year = doc.get("year")
    if year and str(year) not in title:
        title = f"{title} {year}"
    return title


def citation(doc: Mapping[str, Any], page: int | None = None) -> str:
    """``(Title Year, p. N)``; the page is left out when unknown."""
    where = f", p. {page}" if page else ""
    return f"({source_name(doc)}{where})"
