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


def _warned_texts(tree: ast.AST) -> list[tuple[int, str]]:
    """The string pieces of every warning a module words: a ``Notice(...)``, or whatever is
    added to or put in a variable or attribute named ``...warning...``."""
    found = []
    for node in ast.walk(tree):
        values: list[ast.AST] = []
        func = node.func if isinstance(node, ast.Call) else None
        if getattr(func, "id", getattr(func, "attr", "")) == "Notice":
            values = [node]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("append", "extend") and "warning" in ast.unparse(node.func.value):
            values = list(node.args)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any("warning" in ast.unparse(t) for t in targets):
                values = [node.value]
        for value in values:
            for inner in ast.walk(value):
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


def test_no_core_module_words_a_warning_naming_a_cli_flag():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        if path.relative_to(CORE).parts[0] in FRONT_ENDS:
            continue
        for line, text in _warned_texts(ast.parse(path.read_text(encoding="utf-8"))):
            if _names_a_flag(text):
                offenders.append(f"{path.relative_to(CORE)}:{line}: {text!r}")
    assert offenders == []


def test_the_scan_sees_a_flag_in_a_warning():
    for code in ('warnings += [f"page {n}: run OCR, e.g. coder import --ocr"]',
                 'result.warnings.append("use --force")', 'w = Notice("see --ocr", params=())'):
        assert any(_names_a_flag(text) for _, text in _warned_texts(ast.parse(code))), code


def test_an_import_warning_names_its_parameter_and_the_cli_adds_the_flag(tmp_path, run):
    """A scanned page: the warning speaks of OCR; the CLI adds its own --ocr flag."""
    from coder.extraction import extract_pdf
    from tests.conftest import make_half_scanned_pdf

    path = make_half_scanned_pdf(tmp_path / "half-scanned.pdf",
                                 "Het wijkteam helpt inwoners dicht bij huis met alles wat speelt.")
    warning = next(w for w in extract_pdf(path, jobs=1).warnings if "no text layer" in w)
    assert warning == "page 2: no text layer (scanned image?); read it with OCR"
    assert warning.params == ("ocr",)
    result = run("import", path)
    assert result.exit_code == 0, result.output
    assert f"{path}: warning: page 2: no text layer (scanned image?); read it with OCR (see --ocr)" \
        in result.output


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
