"""API calls that need no project: checking a codebook file, agreement of a ratings CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coder.agreement.coefficients import AgreementResult
    from coder.api.records import CodebookCheck
    from coder.extraction.draw import PageView


def check_codebook(path: str | Path | None = None) -> CodebookCheck:
    """Validate a codebook file (default: ./codebook.yaml, else the bundled one).

    Problems come as ``FILE:LINE: reason`` items; ``ok`` is False when one is an error.
    """
    from coder.api.records import CodebookCheck
    from coder.codebook import check_codebook as check
    from coder.codebook import load_codebook
    from coder.store.project import default_codebook_path

    target = str(path or default_codebook_path())
    problems = tuple(check(target))
    if any(p.level == "error" for p in problems):
        return CodebookCheck(target, problems)
    book = load_codebook(target)
    return CodebookCheck(target, problems, len(book.facets), len(book.all_codes()))


def read_codebook(path: str | Path) -> Any:
    """A codebook YAML file as a :class:`coder.codebook.Codebook` (not loaded into a project)."""
    from coder.codebook import load_codebook

    return load_codebook(path)


def table_agreement(path: str | Path, *, categories: list[str] | None = None, level: str | None = None,
                    weights: str | None = None, ci: str = "analytic",
                    missing: list[str] | tuple[str, ...] = ()) -> AgreementResult:
    """Every coefficient with its 95% interval for a CSV of ``unit,coder,value`` ratings.

    ``missing`` values (besides empty ones) mean "not rated". Interval and ratio data
    must be numbers, ordinal data numbers or ``categories``: anything else is refused
    by name rather than sorted as text.
    """
    from coder.agreement import agreement
    from coder.agreement.readers import read_ratings

    ratings = read_ratings(path, categories, missing)  # streamed: memory ~ the file's size
    result: AgreementResult = agreement(ratings, weights=weights, level=level, ci=ci)
    return result


def segment_agreement(path: str | Path, continuum: str, *, overlap: float = 0.9) -> dict[str, Any]:
    """Unitizing alpha and segment overlap for coder-made spans (``coder,code,start,end``).

    ``continuum`` is ``BEGIN:END``, the stretch of text both coders worked on.
    """
    from coder.agreement import segment_overlap, unitized_alpha
    from coder.agreement.readers import parse_continuum, read_spans

    begin, end = parse_continuum(continuum)
    spans = read_spans(path)
    return {"u_alpha": unitized_alpha(spans, begin, end), "segment_overlap": segment_overlap(spans, overlap)}


def draw_layout(pdf: str | Path, page: int, output: str | Path, *, password: str | None = None) -> PageView:
    """Draw page ``page`` of a PDF file to a PNG: its blocks numbered in reading order with
    their kinds, the removed running headers/footers and a spread's fold."""
    from coder.extraction.draw import draw_layout as draw

    return draw(pdf, page, output, password=password)
