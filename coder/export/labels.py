"""Keys to labels for everything people read: the one place every writer asks.

Exports and the report show what a researcher pastes into a report: code and facet
labels from the project's codebook, readable column headers, and labels for document
metadata (``gemeente_rekenkamer`` → ``Gemeente/rekenkamer``, ``jaarverslag`` →
``Jaarverslag``). ``keys=True`` (``--keys``) gives the stable keys back, for scripts;
JSON output never asks for labels. The language (``nl``/``en``) picks headers, fixed
phrases and, where the codebook has them, English code labels (``label_en``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from coder.store.sqlite import sqlite_utils

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
MULTI_SEPARATOR = "; "

DOC_TYPE_LABELS: dict[str, dict[str, str]] = {
    "nl": {"jaarverslag": "Jaarverslag", "rekenkameronderzoek": "Rekenkameronderzoek",
           "evaluatie": "Evaluatie", "clientervaringsonderzoek": "Cliëntervaringsonderzoek",
           "lokaal_onderzoek": "Lokaal onderzoek", "landelijk_onderzoek": "Landelijk onderzoek",
           "praktijkvoorbeeld": "Praktijkvoorbeeld", "overig": "Overig"},
    "en": {"jaarverslag": "Annual report", "rekenkameronderzoek": "Audit-office study",
           "evaluatie": "Evaluation", "clientervaringsonderzoek": "Client-experience survey",
           "lokaal_onderzoek": "Local study", "landelijk_onderzoek": "National study",
           "praktijkvoorbeeld": "Practice example", "overig": "Other"},
}
TEAM_TYPE_LABELS = {"nl": {"wmo": "Wmo", "jeugd": "Jeugd", "integraal": "Integraal"},
                    "en": {"wmo": "Wmo (social support)", "jeugd": "Youth", "integraal": "Integrated"}}
SIZE_CLASS_LABELS = {"nl": {"<50k": "< 50.000 inwoners", "50-100k": "50.000–100.000 inwoners",
                            "100k+": "100.000+ inwoners"},
                     "en": {"<50k": "< 50,000 inhabitants", "50-100k": "50,000–100,000 inhabitants",
                            "100k+": "100,000+ inhabitants"}}
VALUE_LABELS = {"doc_type": DOC_TYPE_LABELS, "team_type": TEAM_TYPE_LABELS, "size_class": SIZE_CLASS_LABELS}

COLUMN_TITLES: dict[str, dict[str, str]] = {
    "nl": {"quote_id": "Quote-nr.", "document": "Document", "organisation": "Organisatie",
           "municipality": "Gemeente", "year": "Jaar", "doc_type": "Documenttype",
           "team_type": "Type team", "size_class": "Gemeentegrootte", "region": "Regio",
           "page": "Pagina", "quote": "Citaat", "citation": "Bronvermelding", "speaker": "Rol spreker",
           "source": "Bron", "coder": "Codeur", "memo": "Memo", "codebook_version": "Versie codeboek",
           "unresolved": "Nog niet beslist",
           "facet": "Facet", "code": "Code", "quotes": "Quotes", "documents": "Documenten",
           "unit": "Eenheid", "value": "Waarde"},
    "en": {"quote_id": "Quote no.", "document": "Document", "organisation": "Organisation",
           "municipality": "Municipality", "year": "Year", "doc_type": "Document type",
           "team_type": "Team type", "size_class": "Municipality size", "region": "Region",
           "page": "Page", "quote": "Quote", "citation": "Citation", "speaker": "Speaker role",
           "source": "Source", "coder": "Coder", "memo": "Memo", "codebook_version": "Codebook version",
           "unresolved": "Not yet decided",
           "facet": "Facet", "code": "Code", "quotes": "Quotes", "documents": "Documents",
           "unit": "Unit", "value": "Value"},
}
PHRASES: dict[str, dict[str, str]] = {
    "nl": {"quotes": "Citaten", "matrix": "Codes per documentsoort", "coded_quotes": "Gecodeerde citaten",
           "unknown": "onbekend", "no_element": "(geen werkzaam element gecodeerd)",
           "no_valence": "(geen valentie)", "sections_title": "Citaten per transformatiedoel",
           "cited_in": "geciteerd in", "page": "p."},
    "en": {"quotes": "Quotes", "matrix": "Codes per document kind", "coded_quotes": "Coded quotes",
           "unknown": "unknown", "no_element": "(no active element coded)",
           "no_valence": "(no valence)", "sections_title": "Quotes per transformation goal",
           "cited_in": "cited in", "page": "p."},
}
KEY_PHRASES = {"quotes": "Quotes", "matrix": "Matrix"}
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Labels:
    """Labels for one project and language; with ``keys`` every lookup returns the key."""

    lang: str = DEFAULT_LANGUAGE
    keys: bool = False
    codes: Mapping[str, str] = field(default_factory=dict)
    facets: Mapping[str, str] = field(default_factory=dict)

    def code(self, key: str) -> str:
        return key if self.keys else self.codes.get(key, key)

    def facet(self, key: str) -> str:
        return key if self.keys else self.facets.get(key, key)

    def codes_cell(self, joined: str) -> str:
        """A multi facet's ``a;b`` cell as ``Label a; Label b`` (keys stay ``a;b``)."""
        if self.keys or not joined:
            return joined
        return MULTI_SEPARATOR.join(self.code(k) for k in joined.split(";") if k)

    def value(self, column: str, value: object) -> object:
        """A document metadata value (doc_type, team_type, size_class) as people name it."""
        if self.keys or not isinstance(value, str) or column not in VALUE_LABELS:
            return value
        return VALUE_LABELS[column][self.lang].get(value, value)

    def title(self, column: str) -> str:
        """A column header: a facet's label, ``facet:code`` as ``Facet: Code``, or a fixed title."""
        if self.keys:
            return column
        if column in self.facets:
            return self.facets[column]
        facet, sep, code = column.partition(":")
        if sep and facet in self.facets:
            return f"{self.facets[facet]}: {self.code(code)}"
        return COLUMN_TITLES[self.lang].get(column, column)

    def phrase(self, name: str) -> str:
        """A fixed word or heading in this language (``--keys`` keeps the old sheet names)."""
        if self.keys and name in KEY_PHRASES:
            return KEY_PHRASES[name]
        return PHRASES[self.lang][name]


def check_language(lang: str | None) -> str | None:
    from coder.errors import InputError

    if lang is not None and lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})")
    return lang


def project_language(db: sqlite_utils.Database) -> str:
    """The codebook's language (``language:`` in codebook.yaml), else Dutch."""
    row = db.execute("SELECT value FROM settings WHERE key = 'codebook_language'").fetchone()
    return row[0] if row and row[0] in LANGUAGES else DEFAULT_LANGUAGE


def project_labels(db: sqlite_utils.Database, lang: str | None = None, *, keys: bool = False) -> Labels:
    """The project's labels in ``lang`` (default: the codebook's language)."""
    lang = check_language(lang) or project_language(db)
    return Labels(lang, keys, _labels(db, "codes", lang), _labels(db, "facets", lang))


def _labels(db: sqlite_utils.Database, table: str, lang: str) -> dict[str, str]:
    english = lang == "en" and "label_en" in db[table].columns_dict
    column = "COALESCE(NULLIF(label_en, ''), label)" if english else "label"
    return {key: label for key, label in db.execute(f"SELECT key, {column} FROM {table}")}


def sheet_names(names: Iterable[str]) -> list[str]:
    """Excel sheet names: no ``[]:*?/\\``, at most 31 characters, unique."""
    out: list[str] = []
    for name in names:
        base = SHEET_FORBIDDEN.sub("-", name).strip("'") or "Blad"
        candidate, n = base[:31].rstrip(), 2
        while candidate.lower() in (o.lower() for o in out):
            suffix = f" ({n})"
            candidate, n = base[:31 - len(suffix)].rstrip() + suffix, n + 1
        out.append(candidate)
    return out
