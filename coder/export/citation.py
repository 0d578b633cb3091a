"""Citations in the study's style.

A quote from the document itself: ``(Jaarverslag Wijkteams Arnhem 2020, p. 12)``. A quote
the document cites from another source (secondary quotation) names that original
source first and then where it was found: ``(Jaarverslag OKT Amsterdam 2020, geciteerd
in Wijkteams in beeld 2020, p. 15)`` — the page is the page of the document we read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from coder.export.labels import DOC_TYPE_LABELS, PHRASES
from coder.export.origin import quote_origin

WORD = re.compile(r"[^\W_]+")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SAME_SHARE = 0.6
STOP = {"van", "het", "een", "der", "den", "voor", "over", "the", "and"}


def source_name(doc: Mapping[str, Any], lang: str = "nl") -> str:
    """The document as the report names it: its title, with the year when the title lacks it."""
    title = (doc.get("title") or "").strip()
    if not title:
        parts = [DOC_TYPE_LABELS[lang].get(doc.get("doc_type") or "", "Document"),
                 doc.get("organisation") or doc.get("municipality") or ""]
        title = " ".join(p for p in parts if p)
    year = doc.get("year")
    if year and str(year) not in title:
        title = f"{title} {year}"
    return title


def citation(doc: Mapping[str, Any], page: int | None = None, *, source: str | None = None,
             lang: str = "nl") -> str:
    """``(Title Year, p. N)``, or ``(Source, geciteerd in Title Year, p. N)`` when the quote
    names another source than ``doc``; the page is left out when unknown."""
    where = f", {PHRASES[lang]['page']} {page}" if page else ""
    found_in = source_name(doc, lang)
    if source and not same_source(source, doc):
        return f"({source.strip(' ,.')}, {PHRASES[lang]['cited_in']} {found_in}{where})"
    return f"({found_in}{where})"


def quote_citation(quote: Mapping[str, Any], lang: str = "nl") -> str:
    """The citation of a quote row that carries its document's columns (title, year, ...)."""
    return citation(quote, quote.get("page"), source=quote_origin(quote)[1], lang=lang)


def same_source(source: str, doc: Mapping[str, Any]) -> bool:
    """Whether ``source`` names ``doc`` itself (then the citation is not secondary).

    Most of the source's words must occur in the document's title, organisation,
    municipality, year or type, and a year in the source must be the document's year.
    """
    words = _words(source)
    if not words:
        return True
    years = set(YEAR.findall(source))
    if years and doc.get("year") and str(doc["year"]) not in years:
        return False
    known = _words(" ".join(str(doc.get(k) or "") for k in ("title", "organisation", "municipality", "year")))
    known |= _words(DOC_TYPE_LABELS["nl"].get(doc.get("doc_type") or "", ""))
    return len(words & known) >= SAME_SHARE * len(words)


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text) if (len(w) > 2 or w.isdigit()) and w.lower() not in STOP}
