"""`coder agree`: inter-rater agreement for a CSV of ratings, coder-made spans, or a project."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from coder.agreement.choices import CI_METHODS, LEVELS, WEIGHTS
from coder.cli.base import by_option, cli, coder_list, db_option, echo_json, open_project
from coder.errors import InputError

LABELS = {"percent_agreement": "Percent agreement", "cohen_kappa": "Cohen's kappa",
          "scott_pi": "Scott's pi", "fleiss_kappa": "Fleiss' kappa", "conger_kappa": "Conger's kappa",
          "krippendorff_alpha": "Krippendorff's alpha", "gwet_ac": "Gwet's AC1/AC2",
          "brennan_prediger": "Brennan-Prediger"}
SUMMARY = ("percent_agreement", "cohen_kappa", "krippendorff_alpha", "gwet_ac")


@cli.command()
@db_option
@click.option("--table", "table_path", type=click.Path(dir_okay=False),
              help="Ratings in long format: CSV with columns unit,coder,value.")
@click.option("--segments", "segments_path", type=click.Path(dir_okay=False),
              help="Coder-made spans: CSV with columns coder,code,start,end (half-open).")
@click.option("--coders", help="Two or more coders of this project, as A,B[,C] (default with "
              "--round: its coders).")
@click.option("--facet", help="With --coders: only this facet.")
@click.option("--round", "round_name", help="With --coders: only this (locked) round's quotes.")
@click.option("--level", type=click.Choice(LEVELS), help="Level of measurement (alpha's metric).")
@click.option("--weights", type=click.Choice(WEIGHTS), help="Agreement weights for the kappa family.")
@click.option("--categories", help="Ordered, complete category list c1,c2,... (weights and "
              "Brennan-Prediger depend on it).")
@click.option("--missing", help="Values that mean 'not rated' (besides empty), as a,b: e.g. n/a,NA.")
@click.option("--ci", type=click.Choice(CI_METHODS), default="analytic", show_default=True,
              help="95% intervals: Gwet's analytic SEs, a unit bootstrap (seeded), or none.")
@click.option("--continuum", help="With --segments: BEGIN:END of the coded stretch.")
@click.option("--overlap", type=float, default=0.9, show_default=True,
              help="With --segments: overlap share for two segments to match.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object on stdout.")
@click.option("--keys", is_flag=True, help="With --coders: code keys instead of labels in the tables.")
@by_option
def agree(table_path, segments_path, coders, facet, round_name, level, weights, categories, missing,
          ci, continuum, overlap, as_json, keys, by) -> None:
    """Inter-rater agreement, with 95% confidence intervals.

    \b
    coder agree --table ratings.csv [--level ordinal] [--weights linear]
    coder agree --segments spans.csv --continuum 0:12000 [--overlap 0.9]
    coder agree --coders anna,bram [--facet transformatiedoel]

    \b
    Missing data: Gwet's convention for percent agreement, Fleiss, Conger, AC1/AC2 and
    Brennan-Prediger (agreement over units with 2+ ratings, prevalence over all rated
    units); Cohen and Scott use the units both coders rated (null for other than two
    coders); alpha uses pairable values. When all ratings fall in one category a
    coefficient is 0/0: shown as 1 with a note if agreement is perfect, else null.
    """
    chosen = [x for x in (table_path, segments_path, coders or round_name) if x]
    if len(chosen) != 1:
        raise InputError("give exactly one of --table, --segments or --coders/--round")
    if table_path:
        from coder.api import table_agreement

        cats = [c.strip() for c in categories.split(",")] if categories else None
        skip = tuple(m.strip() for m in missing.split(",")) if missing else ()
        result = table_agreement(table_path, categories=cats, level=level, weights=weights, ci=ci,
                                 missing=skip)
        echo_json(result.as_dict()) if as_json else _print_result(result)
    elif segments_path:
        from coder.api import segment_agreement

        if not continuum:
            raise InputError("--segments needs --continuum BEGIN:END")
        out = segment_agreement(segments_path, continuum, overlap=overlap)
        echo_json(out) if as_json else _print_segments(out)
    else:
        names = coder_list(coders) if coders else []
        project = open_project()
        out = project.agreement(*names, facet=facet, round=round_name, ci=ci, by=by)
        if as_json:
            echo_json(out)
        else:
            from coder.cli.methods_table import print_methods_table
            from coder.reliability.methods import relabel

            print_methods_table(relabel(out, project.labels(keys=keys)))


def _fmt(x) -> str:
    return "—" if x is None else f"{x:.3f}"


def _print_result(result) -> None:
    from coder.agreement import METRICS
    from coder.agreement.interpret import band

    console = Console()
    title = (f"{result.units} units ({result.pairable_units} pairable), {result.coders} coders, "
             f"{len(result.categories)} categories; level {result.level}, weights {result.weights}")
    table = Table(title=title)
    for col in ("coefficient", "value", "95% CI", "SE", "reading"):
        table.add_column(col, justify="left" if col in ("coefficient", "reading") else "right")
    for name in METRICS:
        est = result.metrics[name]
        if est is None:
            table.add_row(LABELS[name], "n/a", "", "", "two coders only")
            continue
        ci = f"{_fmt(est.ci95[0])} – {_fmt(est.ci95[1])}" if est.ci95 else ""
        table.add_row(LABELS[name], _fmt(est.value), ci, _fmt(est.se), band(name, est.value))
    console.print(table)
    diag = result.diagnostics
    if "prevalence_index" in diag:
        console.print(f"binary: prevalence index {diag['prevalence_index']:.3f}, bias index "
                      f"{diag['bias_index']:.3f}, positive agreement {_fmt(diag['positive_agreement'])}, "
                      f"negative agreement {_fmt(diag['negative_agreement'])}")
    for warning in diag.get("warnings", []):
        console.print(f"[yellow]warning:[/] {warning}")
    console.print("Bands: Landis & Koch for kappa-type; Krippendorff: ≥ .800 reliable, ≥ .667 tentative.")


def _print_segments(out: dict) -> None:
    console = Console()
    u = out["u_alpha"]
    table = Table(title=f"Unitizing alpha on {u['continuum'][0]}:{u['continuum'][1]}, "
                        f"coders {', '.join(u['coders'])}")
    for col in ("code", "u-alpha", "D_o", "D_e", "segments matched"):
        table.add_column(col, justify="left" if col == "code" else "right")
    seg = out["segment_overlap"]
    for code, row in u["per_code"].items():
        match = seg["per_code"].get(code, {})
        table.add_row(code, _fmt(row["alpha"]), f"{row['d_o']:.5f}", f"{row['d_e']:.5f}",
                      f"{match.get('agreements', 0)}/{match.get('checks', 0)}")
    table.add_row("pooled", _fmt(u["pooled"]), "", "", f"{seg['agreements']}/{seg['checks']}")
    console.print(table)
    console.print(f"Segment overlap ≥ {seg['threshold']:.0%}: agreement {_fmt(seg['percent'])}, "
                  f"kappa (chance 1/codes) {_fmt(seg['kappa_brennan_prediger'])}")
