"""The whole report for a project: which coding to show (:func:`report_layer`, where a
coder's name becomes a `Coder`), then every section (:func:`build_report`).

A report is wanted before anything is coded (the corpus and the client-experience
indicators come first), so a missing coding layer is a sentence in the report rather
than an error. Naming a coder that does not exist is still an error.
"""

from __future__ import annotations

from html import escape

from coder.coding.coders import Coder, list_coders
from coder.coding.layers import resolve_layer
from coder.errors import InputError
from coder.export.labels import Labels
from coder.reliability.blind import blind_for
from coder.report.agreement import agreement_sections, open_decisions
from coder.report.html import render
from coder.report.text import text
from coder.store.sqlite import sqlite_utils


def report_layer(db: sqlite_utils.Database, labels: Labels, coder: str | None = None, *,
                 consensus: bool = False, by: str | None = None) -> tuple[Coder | None, str]:
    """The coding layer to show, or None and the sentence that says why there is none.

    A layer holding an open round's blind codings is refused unless ``by`` (who asks) may
    see it, as for every export.
    """
    if coder or consensus:
        layer = resolve_layer(db, coder, consensus=consensus)
    else:
        try:
            layer = resolve_layer(db)
        except InputError:
            return None, _missing(db, labels)
    blind_for(db, by).check_layer(layer.name)
    return layer, ""


def _missing(db: sqlite_utils.Database, labels: Labels) -> str:
    """Why no layer can be shown: several coders without consensus, or nothing coded."""
    coded = [c.name for c in list_coders(db) if c.kind == "human" and db.execute(
        "SELECT 1 FROM codings WHERE coder_id = ? LIMIT 1", [c.id]).fetchone()]
    if len(coded) > 1:
        return text(labels.lang, "several_coders", coders=escape(", ".join(coded)))
    return text(labels.lang, "no_codings")


def build_report(db: sqlite_utils.Database, labels: Labels, layer: Coder | None, *,
                 missing: str = "") -> str:
    """The report's HTML for the layer :func:`report_layer` chose (None when nothing could be
    shown, ``missing`` saying why); a consensus layer with undecided facets gets a warning
    section first."""
    extra = open_decisions(db, layer.kind if layer else "", labels.lang) + agreement_sections(db, labels)
    return render(db, layer, labels, missing=missing, extra_sections=extra)
