"""Core errors speak of the domain; only the CLI adds its own option names (issue 14)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from coder.coding.layers import resolve_layer
from coder.errors import InputError
from coder.store.db import connect
from tests.cli.conftest import run  # noqa: F401  (fixture)

CORE = Path(__file__).resolve().parents[2] / "coder"
FRONT_ENDS = ("cli", "tui")


def _raised_texts(tree: ast.AST) -> list[tuple[int, str]]:
    """The string pieces of every ``raise X(...)`` in a module, with their line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            for inner in ast.walk(node.exc):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                    found.append((inner.lineno, inner.value))
    return found


def _names_a_flag(text: str) -> bool:
    return any(text[i:i + 2] == "--" and text[i + 2:i + 3].isalpha() for i in range(len(text)))


def test_no_core_module_raises_a_message_naming_a_cli_flag():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        if path.relative_to(CORE).parts[0] in FRONT_ENDS:
            continue
        for line, text in _raised_texts(ast.parse(path.read_text(encoding="utf-8"))):
            if _names_a_flag(text):
                offenders.append(f"{path.relative_to(CORE)}:{line}: {text!r}")
    assert offenders == []


def test_the_scan_sees_a_flag_in_a_raised_message():
    tree = ast.parse('raise InputError(f"{x}: pass --merge-into KEY")')
    assert any(_names_a_flag(text) for _, text in _raised_texts(tree))


def test_the_api_message_names_no_flag_and_the_cli_adds_the_commands_options(tmp_path, run):
    db = connect(tmp_path / "api.db")
    with pytest.raises(InputError) as refused:
        resolve_layer(db, "anna", consensus=True)
    assert str(refused.value) == "name either one coder or the consensus layer, not both"
    assert refused.value.params == ("coder", "consensus")

    assert run("init").exit_code == 0
    result = run("report", "--coder", "anna", "--consensus", "-o", tmp_path / "r.html")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("coder: error: name either one coder or the consensus layer, "
                                     "not both (see --coder, --consensus)")


def test_a_parameter_the_command_does_not_have_adds_nothing():
    import click

    from coder.cli.base import option_flags

    command = click.Command("x", params=[click.Option(["--force"], is_flag=True),
                                         click.Option(["--coder", "coder_name"])])
    assert option_flags(command, ("merge_into", "force", "coder")) == " (see --force, --coder)"
    assert option_flags(command, ("merge_into",)) == ""
