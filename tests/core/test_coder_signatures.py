"""A coder is a `Coder` object in every core signature (issue 14).

Names become coders at the edges: the Python API (`coder.api`), the CLI and the TUI resolve
a name once (`get_coder`, `ensure_coder`, `resolve_layer`) and hand the object on; the
storage layer (`coder.store`) deals in ids. Everywhere else a public function that takes a
coder as an id or a name is a slip back into the old mix of ids, names and objects.
The few core functions that must take names say why below.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "coder"
#: Edges (where names are resolved) and the storage layer (where ids are the data).
EDGES = ("api", "cli", "tui", "store")
#: The agreement statistics (numpy only) label the raters of any ratings table or CSV by
#: text; they know nothing of a project's coders.
STATISTICS = ("agreement",)
#: Parameter names that mean a coder as an id or a name, whatever their annotation.
ALWAYS = {"coder_id", "coder_ids", "coder_name", "coder_names"}
#: Parameter names that mean coders, a slip when annotated with str or int.
TYPED = {"coder", "coders", "coder_a", "coder_b", "from_coder", "names", "visible_to"}

#: (module, function, parameter) allowed to take a name or an id, and why.
ALLOWED = {
    ("coding/events.py", "record", "coder_id"):
        "the storage layer of the event log: the row's coder_id column, None for events no "
        "coder made (codebook sync); every caller passes coder.id of the Coder it holds",
    ("coding/layers.py", "resolve_layer", "coder"):
        "a resolver: where a name (or none: the default layer) becomes a Coder",
    ("report/build.py", "report_layer", "coder"):
        "a resolver: the layer a report shows, or None and the sentence saying why",
    ("reliability/rounds.py", "create_round", "coders"):
        "a registrar: members are registered on first use inside the round's transaction, "
        "so a refused round registers nobody",
    ("reliability/rounds.py", "create_round", "from_coder"):
        "resolved inside the round's transaction, after the checks that come first today",
    ("reliability/handoff.py", "handoff", "coder_name"):
        "the coder is registered in the copy, another database, where no Coder exists yet",
    ("reliability/blind.py", "Blind.visible", "coder"):
        "blind rules work on names: members are stored lower-cased and the viewer is whoever "
        "says who they are (--by), who need not be a registered coder",
    ("reliability/blind.py", "Blind.check_compare", "coders"):
        "blind rules work on the names given, before they are resolved, so the refusal "
        "comes before an unknown coder as it always did (tests/cli/test_coder_errors.py)",
    ("reliability/blind.py", "Blind.check_layer", "coder"):
        "as check_compare: decided on the name given, before it is resolved",
    ("export/labels.py", "sheet_names", "names"):
        "Excel sheet names, not coders",
}


def _public_functions(tree: ast.Module) -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Module-level functions and methods of module-level classes whose names are public
    (``__init__`` counts: it is how a class is called)."""
    found: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]] = []

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                visit(node.body, f"{prefix}{node.name}.")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                    not node.name.startswith("_") or node.name == "__init__"):
                found.append((prefix + node.name, node))

    visit(tree.body, "")
    return found


def _coder_parameters(source: str) -> list[tuple[str, str, str]]:
    """(function, parameter, annotation) for each parameter that takes a coder as a name or an id."""
    out = []
    for name, func in _public_functions(ast.parse(source)):
        args = func.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            annotation = ast.unparse(arg.annotation) if arg.annotation else ""
            if arg.arg in ALWAYS or (arg.arg in TYPED and re.search(r"\b(str|int)\b", annotation)):
                out.append((name, arg.arg, annotation))
    return out


def _core_modules() -> list[Path]:
    return [p for p in sorted(CORE.rglob("*.py"))
            if p.relative_to(CORE).parts[0] not in (*EDGES, *STATISTICS)]


def _found() -> dict[tuple[str, str, str], str]:
    found = {}
    for path in _core_modules():
        module = path.relative_to(CORE).as_posix()
        for function, parameter, annotation in _coder_parameters(path.read_text(encoding="utf-8")):
            found[(module, function, parameter)] = annotation
    return found


def test_core_functions_take_coder_objects_not_names_or_ids():
    offenders = [f"coder/{m}: {f}({p}: {a or 'unannotated'})" for (m, f, p), a in _found().items()
                 if (m, f, p) not in ALLOWED]
    assert not offenders, ("take a Coder (or Sequence[Coder]) and let the API/CLI/TUI resolve "
                           "the name once:\n" + "\n".join(offenders))


def test_every_allowed_exception_still_exists():
    """An exception that no longer applies is taken off the list, so the list stays true."""
    stale = sorted(set(ALLOWED) - set(_found()))
    assert not stale, f"no longer taking a name or id, remove from ALLOWED: {stale}"


def test_the_check_sees_each_kind_of_slip():
    source = '''
def a(db, coder_id): ...
def b(db, coder_name: str): ...
def c(db, coder_a: str, coder_b: str): ...
def d(db, names: list[str]): ...
def e(db, coders: "Sequence[int]"): ...
class K:
    def f(self, coder: str | None = None): ...
def fine(db, coder: Coder, coders: Sequence[Coder], n_coders: int, name: str): ...
def _private(db, coder_id: int): ...
'''
    assert [(f, p) for f, p, _ in _coder_parameters(source)] == [
        ("a", "coder_id"), ("b", "coder_name"), ("c", "coder_a"), ("c", "coder_b"), ("d", "names"),
        ("e", "coders"), ("K.f", "coder")]
