"""`coder export ...`: coded-quote tables, report sections, code matrices, REFI-QDA files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from coder.cli.base import by_option, cli, coder_list, db_option, open_project

LAYER_HELP = "Whose codings (default: the consensus layer, else the only coder)."


def _layer_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = by_option(func)
    func = click.option("--consensus", is_flag=True, help="Use the consensus layer.")(func)
    return click.option("--coder", "coder_name", default=None, help=LAYER_HELP)(func)


def label_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--keys`` and ``--lang``: what people read (labels, in the codebook's language) or keys."""
    func = click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
                        help="Language of labels, headings and numbers (default: the codebook's).")(func)
    return click.option("--keys", is_flag=True,
                        help="Show code keys and column keys instead of labels.")(func)


def force_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--force``: replace an output file that exists already (never the project)."""
    return click.option("--force", is_flag=True, help="Replace the output file if it exists.")(func)


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
@label_options
@force_option
def export_quotes(fmt: str | None, output: str, coder_name: str | None, consensus: bool, by: str | None,
                  wide: bool, excel: bool, goal: str | None, code: str | None, doc_type: str | None,
                  valence: str | None, keys: bool, lang: str | None, force: bool) -> None:
    """One row per coded quote, with document metadata, page, citation and every facet.

    Column keys (headers with --keys, and always in JSON): quote_id, document,
    organisation, municipality, year, doc_type, team_type, size_class, page, quote,
    citation, speaker (role), source (as the text names it), one column per facet (multi
    facets ';'-joined), coder, memo, codebook_version; of the consensus layer also
    unresolved (the facets adjudication has not settled yet). Without --keys headers and
    codes are the codebook's labels.
    """
    done = open_project().export_quotes(output, fmt=fmt, coder=coder_name, consensus=consensus, wide=wide,
                                        excel=excel, goal=goal, code=code, doc_type=doc_type,
                                        valence=valence, by=by, keys=keys, lang=lang, force=force)
    note = f"; {done.note}" if done.note else ""
    click.echo(f"wrote {done.count} coded quotes ({done.layer}) to {done.path}{note}", err=True)


@export.command("sections")
@db_option
@click.option("-f", "--format", "fmt", type=click.Choice(["md", "html", "docx"]), default=None)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@_layer_options
@click.option("--title", default=None, help="Document title (default: Citaten per transformatiedoel).")
@label_options
@force_option
def export_sections(fmt: str | None, output: str, coder_name: str | None, consensus: bool, by: str | None,
                    title: str | None, keys: bool, lang: str | None, force: bool) -> None:
    """Quotes grouped per goal, then positive/negative, then active element, with counts."""
    done = open_project().export_sections(output, fmt=fmt, coder=coder_name, consensus=consensus, title=title,
                                          by=by, keys=keys, lang=lang, force=force)
    click.echo(f"wrote {done.count} goal section(s) ({done.layer}) to {done.path}", err=True)


@export.command("matrix")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="OUT.csv or OUT.xlsx")
@_layer_options
@label_options
@force_option
def export_matrix(output: str, coder_name: str | None, consensus: bool, by: str | None, keys: bool,
                  lang: str | None, force: bool) -> None:
    """Code x document type / team type / size class: counts of quotes and of documents."""
    done = open_project().export_matrix(output, coder=coder_name, consensus=consensus, by=by, keys=keys,
                                        lang=lang, force=force)
    click.echo(f"wrote the code matrix ({done.layer}) to {done.path}", err=True)


@export.command("qdc")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@force_option
def export_qdc(output: str, force: bool) -> None:
    """The codebook as a REFI-QDA .qdc file (facets become non-codable parent codes)."""
    done = open_project().export_qdc(output, force=force)
    click.echo(f"wrote the codebook to {done.path}", err=True)


@export.command("qdpx")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@click.option("--name", default="coder project", show_default=True, help="Project name in the file.")
@click.option("--offsets", type=click.Choice(["code-points", "utf-16"]), default="code-points",
              show_default=True, help="How selection offsets are counted: code points as the standard "
              "says, or UTF-16 units as NVivo reads them (differs only where a text has emoji).")
@by_option
@force_option
def export_qdpx(output: str, name: str, offsets: str, by: str | None, force: bool) -> None:
    """The whole project as REFI-QDA .qdpx: codebook, coders, texts (sources/*.txt), the
    PDFs the project has, quotes, codings (one user per coder, the consensus layer as the
    user "consensus (adjudicated layer)"), memos."""
    done = open_project().export_qdpx(output, name=name, offsets=offsets, by=by, force=force)
    click.echo(f"wrote the project to {done.path}", err=True)


@export.command("codings")
@db_option
@click.option("--coder", "coder_name", required=True, help="Whose work to move.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="FILE.codings")
@click.option("--by", "by", default=None, help="Who asks (default: the coder named by --coder).")
@force_option
def export_codings(coder_name: str, output: str, by: str | None, force: bool) -> None:
    """One coder's codings (and the quotes they made) for another copy of the project.

    Read it there with `coder import FILE.codings`: documents are matched by sha256 and
    quotes by offsets; importing twice changes nothing.
    """
    done = open_project().export_codings(output, coder=coder_name, by=by, force=force)
    click.echo(f"wrote {done.count} codings on {done.note} to {done.path}", err=True)


@export.command("ratings")
@db_option
@click.option("--coders", required=True, help="A,B[,C...]")
@click.option("--variable", required=True, help="A single facet (its code) or a code (present/absent).")
@click.option("--round", "round_name", help="Only this round's quotes.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="OUT.csv")
@by_option
@force_option
def export_ratings(coders: str, variable: str, round_name: str | None, output: str, by: str | None,
                   force: bool) -> None:
    """Coders' values for one variable as unit,coder,value rows (for `coder agree --table`)."""
    done = open_project().export_ratings(output, coder_list(coders), variable, round=round_name, by=by,
                                         force=force)
    click.echo(f"wrote {done.count} units to {done.path}; for the same figures as the project use "
               f"--categories {done.note}", err=True)
