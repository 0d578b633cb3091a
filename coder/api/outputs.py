"""Tables, export files and the report of a :class:`~coder.api.Project`.

A *layer* is whose codings are used: a coder's name, ``consensus=True`` for the
adjudicated layer, or neither for the consensus layer when it has codings, else the only
coder with codings. Every file is written beside its target and renamed, so a failed
export leaves no half-written file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from coder.api.records import Written

if TYPE_CHECKING:
    from coder.coding.coders import Coder
    from coder.export.labels import Labels
    from coder.export.rows import QuoteTable
    from coder.store.sqlite import sqlite_utils

QUOTE_FORMATS = ("csv", "xlsx", "json", "md", "html")
SECTION_FORMATS = ("md", "html", "docx")


class Outputs:
    """Methods for `coder export ...` and `coder report`."""

    db: sqlite_utils.Database
    path: Path

    def layer(self, coder: str | None = None, *, consensus: bool = False, by: str | None = None) -> Coder:
        """Whose codings a table, export or report uses (see the module docstring).

        Refused when the layer holds an open round's blind codings and ``by`` (who asks) is
        neither that coder nor someone outside the round.
        """
        from coder.coding.layers import resolve_layer
        from coder.reliability.blind import blind_for

        layer = resolve_layer(self.db, coder, consensus=consensus)
        blind_for(self.db, by).check_layer(layer.name)
        return layer

    def labels(self, lang: str | None = None, *, keys: bool = False) -> Labels:
        """Keys to labels for people (``lang`` nl/en, default the codebook's; ``keys`` keeps keys)."""
        from coder.export.labels import project_labels

        return project_labels(self.db, lang, keys=keys)

    def quote_table(self, coder: str | None = None, *, consensus: bool = False, goal: str | None = None,
                    code: str | None = None, doc_type: str | None = None, valence: str | None = None,
                    wide: bool = False, by: str | None = None) -> QuoteTable:
        """One row per coded quote: document metadata, page, citation, one column per facet.

        ``table.rows`` is a list of dicts in ``table.headers`` order, ready for
        ``pandas.DataFrame(table.rows, columns=table.headers)``. ``goal``, ``code``,
        ``doc_type`` and ``valence`` keep only the quotes that have them.
        """
        return self._table(self.layer(coder, consensus=consensus, by=by), goal, code, doc_type, valence, wide)

    def _table(self, layer: Coder, goal: str | None, code: str | None, doc_type: str | None,
               valence: str | None, wide: bool, lang: str = "nl") -> QuoteTable:
        from coder.codebook.facets import check_codes_exist
        from coder.export.rows import Filters, quote_table

        check_codes_exist(self.db, goal, code, valence)
        return quote_table(self.db, layer, Filters(goal, code, doc_type, valence), wide=wide, lang=lang)

    def export_quotes(self, output: str | Path, *, fmt: str | None = None, coder: str | None = None,
                      consensus: bool = False, wide: bool = False, excel: bool = False,
                      goal: str | None = None, code: str | None = None, doc_type: str | None = None,
                      valence: str | None = None, by: str | None = None, keys: bool = False,
                      lang: str | None = None) -> Written:
        """Write the coded-quote table as csv, xlsx, json, md or html (format from the name).

        Labels by default (``keys=True`` for keys; JSON always has keys), in ``lang``. Of the
        consensus layer, ``note`` counts the quotes with facets not yet adjudicated (they are
        in the table, marked in its ``unresolved`` column).
        """
        from coder.export.files import format_from
        from coder.export.output import write_output
        from coder.export.tables import write_table

        path = Path(output)
        fmt = format_from(path, fmt, QUOTE_FORMATS)
        from coder.export.rows import unresolved_count

        layer = self.layer(coder, consensus=consensus, by=by)
        labels = self.labels(lang, keys=keys)
        table = self._table(layer, goal, code, doc_type, valence, wide, labels.lang)
        write_output(path, lambda p: write_table(table, p, fmt, excel=excel, labels=labels), self.path)
        pending = unresolved_count(table)
        note = f"{pending} with facets not yet adjudicated (column unresolved)" if pending else ""
        return Written(str(path), len(table.rows), layer.name, note=note)

    def export_sections(self, output: str | Path, *, fmt: str | None = None, coder: str | None = None,
                        consensus: bool = False, title: str | None = None, by: str | None = None,
                        keys: bool = False, lang: str | None = None) -> Written:
        """Quotes grouped per goal, then positive/negative, then active element (md, html, docx)."""
        from coder.export.files import format_from
        from coder.export.output import write_output
        from coder.export.rows import quote_table
        from coder.export.sections import build_sections, write_sections

        path = Path(output)
        fmt = format_from(path, fmt, SECTION_FORMATS)
        layer = self.layer(coder, consensus=consensus, by=by)
        labels = self.labels(lang, keys=keys)
        groups = build_sections(quote_table(self.db, layer, lang=labels.lang), labels)
        heading = title or labels.phrase("sections_title")
        write_output(path, lambda p: write_sections(groups, p, fmt, heading, labels.lang), self.path)
        return Written(str(path), len(groups), layer.name)

    def export_matrix(self, output: str | Path, *, coder: str | None = None, consensus: bool = False,
                      by: str | None = None, keys: bool = False, lang: str | None = None) -> Written:
        """Codes x document type / team type / size class: quote and document counts (csv, xlsx)."""
        from coder.export.matrix import write_matrix
        from coder.export.output import write_output
        from coder.export.rows import quote_table

        path = Path(output)
        layer = self.layer(coder, consensus=consensus, by=by)
        labels = self.labels(lang, keys=keys)
        table = quote_table(self.db, layer, lang=labels.lang)
        write_output(path, lambda p: write_matrix(table, p, labels), self.path)
        return Written(str(path), len(table.rows), layer.name)

    def export_qdc(self, output: str | Path) -> Written:
        """The codebook as a REFI-QDA .qdc file."""
        from coder.exchange.refi.write import export_qdc
        from coder.export.output import write_output

        path = Path(output)
        write_output(path, lambda p: export_qdc(self.db, p), self.path)
        return Written(str(path), 1)

    def export_qdpx(self, output: str | Path, *, name: str = "coder project",
                    offsets: str = "code-points", by: str | None = None) -> Written:
        """The whole project as a REFI-QDA .qdpx file (offsets: "code-points" or "utf-16");
        refused while it would show an open round's blind codings to whoever asks."""
        from coder.coding.coders import list_coders
        from coder.exchange.refi.write import export_qdpx
        from coder.export.output import write_output
        from coder.reliability.blind import blind_for

        blind_for(self.db, by).check_compare([c.name for c in list_coders(self.db)])
        path = Path(output)
        write_output(path, lambda p: export_qdpx(self.db, p, name, offsets), self.path)
        return Written(str(path), 1)

    def export_codings(self, output: str | Path, *, coder: str, by: str | None = None) -> Written:
        """One coder's codings (and manual quotes) for another copy of the project; ``by``
        (who asks) defaults to that coder."""
        from coder.coding.coders import get_coder
        from coder.exchange.codings import export_codings
        from coder.export.output import check_output
        from coder.reliability.blind import blind_for

        blind_for(self.db, by or coder).check_layer(coder)
        check_output(output, self.path)  # a bad output is told before an unknown coder, as always
        counts = export_codings(self.db, get_coder(self.db, coder), Path(output), project=self.path)
        return Written(str(output), counts["codings"], coder, note=f"{counts['quotes']} quotes")

    def export_ratings(self, output: str | Path, coders: list[str], variable: str, *,
                       round: str | None = None, by: str | None = None) -> Written:
        """Two or more coders' values for one variable as unit,coder,value rows (for `agree --table`).

        ``note`` holds the category list that gives the same figures as the project.
        """
        from coder.codebook.facets import facet_codes
        from coder.export.output import write_output
        from coder.export.tables import write_csv
        from coder.reliability.compare import NONE

        rows = self.ratings(coders, variable, round=round, by=by)  # type: ignore[attr-defined]
        path = Path(output)
        heads = ["unit", "coder", "value"]
        write_output(path, lambda p: write_csv(heads, [dict(zip(heads, r)) for r in rows], p), self.path)
        f = facet_codes(self.db).get(variable)
        categories = [*f.codes, NONE] if f else ["absent", "present"]
        return Written(str(path), len(rows) // len(coders), note=",".join(categories))

    def export(self, what: str, output: str | Path, **options: Any) -> Written:
        """``export("quotes", "out.xlsx", coder="anna")``: the `coder export WHAT` commands by name."""
        method = getattr(self, f"export_{what}", None)
        if method is None:
            raise ValueError(f"unknown export {what!r}")
        written: Written = method(output, **options)
        return written

    def report(self, output: str | Path = "report.html", *, coder: str | None = None,
               consensus: bool = False, by: str | None = None, keys: bool = False,
               lang: str | None = None) -> Written:
        """Write the analysis report (one self-contained HTML file); ``count`` is its size in KB.

        Renders for any project; ``layer`` is None when no coding could be shown (nothing
        coded yet, or several coders and no consensus): the report then says so.
        """
        from coder.export.output import check_output, write_output
        from coder.report.build import build_report, report_layer

        check_output(output, self.path)  # before the work of rendering
        labels = self.labels(lang, keys=keys)
        layer, missing = report_layer(self.db, labels, coder, consensus=consensus, by=by)
        html = build_report(self.db, labels, layer, missing=missing)
        write_output(output, lambda p: p.write_text(html, encoding="utf-8"), self.path)
        return Written(str(output), len(html) // 1024, layer.name if layer else None)
