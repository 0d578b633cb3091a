"""Every command is a thin layer over the Python API: each has help text and a documented
API counterpart, and no command module (nor the TUI) holds SQL."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import click
import pytest

import coder.api
import coder.cli
from coder.api import Project
from coder.cli.base import cli

#: command path -> the API call it makes (a Project method or a coder.api function).
COUNTERPART = {
    "init": "Project.init",
    "import": "Project.import_pdfs",
    "docs": "Project.documents",
    "text": "Project.text",
    "quotes": "Project.quotes",
    "search": "Project.search",
    "code": "Project.code",
    "undo": "Project.undo",
    "redo": "Project.redo",
    "history": "Project.history",
    "coders": None,  # a group
    "coders list": "Project.coders",
    "coders add": "Project.add_coder",
    "coders rename": "Project.rename_coder",
    "quote": None,
    "quote add": "Project.add_quote",
    "quote adjust": "Project.adjust_quote",
    "quote delete": "Project.delete_quote",
    "quote dismiss": "Project.dismiss_quote",
    "quote undismiss": "Project.undismiss_quote",
    "codebook": None,
    "codebook check": "check_codebook",
    "codebook show": "Project.codebook",
    "codebook load": "Project.load_codebook",
    "indicators": "Project.indicators",
    "indicators add": "Project.add_indicator",
    "indicators import": "Project.import_indicators",
    "agree": "Project.agreement",  # and table_agreement, segment_agreement (no project)
    "round": None,
    "round create": "Project.create_round",
    "round list": "Project.rounds",
    "round status": "Project.round_status",
    "round lock": "Project.lock_round",
    "round unlock": "Project.unlock_round",
    "adjudicate": None,
    "adjudicate queue": "Project.disagreements",
    "adjudicate agreed": "Project.accept_agreed",
    "adjudicate resolve": "Project.resolve",
    "export": "Project.export",
    "export quotes": "Project.export_quotes",
    "export sections": "Project.export_sections",
    "export matrix": "Project.export_matrix",
    "export qdc": "Project.export_qdc",
    "export qdpx": "Project.export_qdpx",
    "export codings": "Project.export_codings",
    "export ratings": "Project.export_ratings",
    "report": "Project.report",
    "handoff": "Project.handoff",
    "layout": "Project.draw_layout",  # and draw_layout for a PDF file (no project)
}
EXCEPTED = {"tui", "demo"}  # they open the Textual app; the API has no screen


def commands(group: click.Group = cli, prefix: str = "") -> dict[str, click.Command]:
    out: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        out[path] = command
        if isinstance(command, click.Group):
            out.update(commands(command, f"{path} "))
    return out


def resolve(target: str):
    owner, _, name = target.rpartition(".")
    return getattr(Project if owner == "Project" else coder.api, name)


def test_every_command_is_mapped():
    assert set(commands()) - EXCEPTED == set(COUNTERPART)


@pytest.mark.parametrize("path", sorted(commands()))
def test_command_has_help(path):
    command = commands()[path]
    assert (command.help or "").strip(), f"`coder {path}` has no help text"
    assert command.get_short_help_str().strip()


@pytest.mark.parametrize("path", sorted(p for p, t in COUNTERPART.items() if t))
def test_counterpart_exists_and_is_documented(path):
    target = resolve(COUNTERPART[path])
    assert callable(target)
    assert (inspect.getdoc(target) or "").strip(), f"{COUNTERPART[path]} has no docstring"


def test_the_three_agree_modes_have_api_calls():
    for name in ("table_agreement", "segment_agreement", "check_codebook"):
        assert inspect.getdoc(getattr(coder.api, name))


PACKAGE = Path(coder.cli.__file__).resolve().parents[1]
SQL_IN_STRING = re.compile(r"""["'][^"'\n]*\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"""
                           r"""|CREATE\s+TABLE|DROP\s+TABLE|PRAGMA)\b""")
DB_ACCESS = re.compile(r"\.execute\(|\.executemany\(|\.query\(|\bdb\[|\.table\(|sqlite3\.connect")


@pytest.mark.parametrize("path", sorted(str(p.relative_to(PACKAGE)) for area in ("cli", "tui")
                                        for p in (PACKAGE / area).rglob("*.py")))
def test_no_sql_in_cli_or_tui(path):
    source = (PACKAGE / path).read_text(encoding="utf-8")
    found = [m.group(0) for m in SQL_IN_STRING.finditer(source)] + DB_ACCESS.findall(source)
    assert not found, f"{path} holds SQL or queries the database directly: {found[:3]}"
