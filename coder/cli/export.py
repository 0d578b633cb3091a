"""`coder export ...`: coded-quote tables, report sections, code matrices, REFI-QDA files."""

from __future__ import annotations

from pathlib import Path

import click

from coder.cli.base import cli, db_option, db_path, open_db
from coder.errors import InputError
from coder.export.rows import Filters, quote_table
from coder.coding.layers import resolve_layer

LAYER_HELP = "Whose codings (default: the consensus layer, else the only coder)."


def _atomic(path: Path, write) -> None:
    """Write beside the target and rename; never onto the project or a read-only file."""
    from coder.export.output import write_output

    write_output(path, write, db_path())


def _layer_options(func):
    func = click.option("--consensus", is_flag=True, help="Use the consensus layer.")(func)
    return click.option("--coder", "coder_name", default=None, help=LAYER_HELP)(func)


@cli.group()
def export() -> None:
    """Export coded quotes, report sections, code matrices and REFI-QDA files."""


@export.command("quotes")
@db_option
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "xlsx", "json", "md", "html"]),
              default=None, help="Output format (default: from the file extension).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@_layer_options
@click.option("--wide", is_flag=True, help="Add one 0/1 column per code (facet:code).")
@click.option("--excel", is_flag=True, help="CSV for Dutch Excel: BOM and ';' separators.")
@click.option("--goal", help="Only quotes with this transformation goal.")
@click.option("--code", help="Only quotes with this code (any facet).")
@click.option("--doc-type", help="Only quotes from documents of this type.")
@click.option("--valence", help="Only quotes with this valence (positief, negatief, ...).")
def export_quotes(fmt, output, coder_name, consensus, wide, excel, goal, code, doc_type, valence) -> None:
    """One row per coded quote, with document metadata, page, citation and every facet.

    Columns: quote_id, document, organisation, municipality, year, doc_type, team_type,
    size_class, page, quote, citation, speaker, one column per facet (multi facets
    ';'-joined), coder, memo, codebook_version.
    """
    from coder.export.tables import write_table

    db = open_db()
    path = Path(output)
    fmt = fmt or _format_from(path, ("csv", "xlsx", "json", "md", "html"))
    layer = resolve_layer(db, coder_name, consensus=consensus)
    _check_codes(db, goal, code, valence)
    table = quote_table(db, layer, Filters(goal, code, doc_type, valence), wide=wide)
    _atomic(path, lambda p: write_table(table, p, fmt, excel=excel))
    click.echo(f"wrote {len(table.rows)} coded quotes ({layer.name}) to {path}", err=True)


@export.command("sections")
@db_option
@click.option("-f", "--format", "fmt", type=click.Choice(["md", "html", "docx"]), default=None)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@_layer_options
@click.option("--title", default="Citaten per transformatiedoel", show_default=True)
def export_sections(fmt, output, coder_name, consensus, title) -> None:
    """Quotes grouped per goal, then positive/negative, then active element, with counts."""
    from coder.export.sections import build_sections, write_sections

    db = open_db()
    path = Path(output)
    fmt = fmt or _format_from(path, ("md", "html", "docx"))
    layer = resolve_layer(db, coder_name, consensus=consensus)
    groups = build_sections(db, quote_table(db, layer))
    _atomic(path, lambda p: write_sections(groups, p, fmt, title))
    click.echo(f"wrote {len(groups)} goal section(s) ({layer.name}) to {path}", err=True)


@export.command("matrix")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="OUT.csv or OUT.xlsx")
@_layer_options
def export_matrix(output, coder_name, consensus) -> None:
    """Code x document type / team type / size class: counts of quotes and of documents."""
    from coder.export.matrix import write_matrix

    db = open_db()
    layer = resolve_layer(db, coder_name, consensus=consensus)
    path = Path(output)
    table = quote_table(db, layer)
    _atomic(path, lambda p: write_matrix(table, p))
    click.echo(f"wrote the code matrix ({layer.name}) to {path}", err=True)


@export.command("qdc")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def export_qdc(output) -> None:
    """The codebook as a REFI-QDA .qdc file (facets become non-codable parent codes)."""
    from coder.exchange.refi.write import export_qdc as write_qdc

    db = open_db()
    path = Path(output)
    _atomic(path, lambda p: write_qdc(db, p))
    click.echo(f"wrote the codebook to {path}", err=True)


@export.command("qdpx")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@click.option("--name", default="coder project", show_default=True, help="Project name in the file.")
def export_qdpx(output, name) -> None:
    """The whole project as REFI-QDA .qdpx: codebook, coders, texts, quotes, codings, memos."""
    from coder.exchange.refi.write import export_qdpx as write_qdpx

    db = open_db()
    path = Path(output)
    _atomic(path, lambda p: write_qdpx(db, p, name))
    click.echo(f"wrote the project to {path}", err=True)


def _format_from(path: Path, allowed: tuple[str, ...]) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in allowed:
        raise InputError(f"{path}: say the format with -f ({', '.join(allowed)})")
    return fmt


def _check_codes(db, *keys: str | None) -> None:
    for key in filter(None, keys):
        if not db.execute("SELECT 1 FROM codes WHERE key = ?", [key]).fetchone():
            raise InputError(f"unknown code {key!r}")


@export.command("codings")
@db_option
@click.option("--coder", "coder_name", required=True, help="Whose work to move.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="FILE.codings")
def export_codings(coder_name, output) -> None:
    """One coder's codings (and the quotes they made) for another copy of the project.

    Read it there with `coder import FILE.codings`: documents are matched by sha256 and
    quotes by offsets; importing twice changes nothing.
    """
    from coder.exchange.codings import export_codings as write_codings

    counts = write_codings(open_db(), coder_name, Path(output), project=db_path())
    click.echo(f"wrote {counts['codings']} codings on {counts['quotes']} quotes to {output}", err=True)


@export.command("ratings")
@db_option
@click.option("--coders", required=True, help="A,B")
@click.option("--variable", required=True, help="A single facet (its code) or a code (present/absent).")
@click.option("--round", "round_name", help="Only this round's quotes.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="OUT.csv")
def export_ratings(coders, variable, round_name, output) -> None:
    """Two coders' values for one variable as unit,coder,value rows (for `coder agree --table`)."""
    from coder.cli.base import two_coders
    from coder.cli.rounds import round_scope
    from coder.export.tables import write_csv
    from coder.codebook.facets import facet_codes
    from coder.reliability.compare import NONE, ratings_rows

    db = open_db()
    a, b = two_coders(coders)
    rows = ratings_rows(db, a, b, variable, round_scope(db, round_name, must_be_locked=False))
    path = Path(output)
    _atomic(path, lambda p: write_csv(["unit", "coder", "value"],
                                      [dict(zip(("unit", "coder", "value"), r)) for r in rows], p))
    f = facet_codes(db).get(variable)
    categories = list(f.codes) + [NONE] if f else ["absent", "present"]
    click.echo(f"wrote {len(rows) // 2} units to {output}; for the same figures as the project use "
               f"--categories {','.join(categories)}", err=True)
