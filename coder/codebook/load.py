"""Reading and checking ``codebook.yaml``, with the line of every problem.

``check_codebook`` collects every problem at once (a researcher fixing a codebook wants
the whole list, not one error per run); ``load_codebook`` raises :class:`CodebookError`
when any problem is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from coder.codebook.model import Code, Codebook, Facet, Translation
from coder.errors import InputError

LINE = "__line__"
LINES = "__lines__"
MODES = ("single", "multi")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
TOP_FIELDS = {"name", "version", "language", "facets", "description"}
ENGLISH_FIELDS = ("label_en", "description_en", "when_to_use_en", "when_not_en")
FACET_FIELDS = {"key", "label", "mode", "description", "codes", "suggest", "label_en", "description_en"}
SUGGEST = ("keywords", "speaker", "none")
CODE_FIELDS = {"key", "label", "description", "when_to_use", "when_not", "keywords", "examples",
               "colour", "color", "group", "renamed_from", *ENGLISH_FIELDS}
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    reason: str
    level: str = "error"  # or "warning"

    def __str__(self) -> str:
        prefix = "" if self.level == "error" else "warning: "
        where = f"{self.file}:{self.line}" if self.line else self.file  # 0: the file as a whole
        return f"{where}: {prefix}{self.reason}"


class CodebookError(InputError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.level == "error"]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}" if errors else "invalid codebook")


class _LineLoader(yaml.SafeLoader):  # type: ignore[misc]  # yaml is untyped (Any)
    """A safe loader that remembers the line where each mapping starts."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        mapping: dict[str, Any] = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        mapping[LINES] = {str(k.value): v.start_mark.line + 1 for k, v in node.value}
        return mapping


def _line(item: dict[str, Any], field: str) -> int:
    """The line of ``field`` in a mapping, else of the mapping itself."""
    line: int = item.get(LINES, {}).get(field, item[LINE])
    return line


def _read(path: Path) -> tuple[Any, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return None, [Problem(str(path), 0, f"cannot read file ({reason})")]
    try:
        return yaml.load(text, Loader=_LineLoader), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(str(path), line, f"YAML syntax error: {reason}")]


def check_codebook(path: str | Path) -> list[Problem]:
    """Every problem in the file (errors and warnings), in file order."""
    path = Path(path)
    _, problems = _parse(path)
    return sorted(problems, key=lambda p: p.line)


def load_codebook(path: str | Path) -> Codebook:
    path = Path(path)
    codebook, problems = _parse(path)
    if codebook is None or any(p.level == "error" for p in problems):
        raise CodebookError(problems)
    return codebook


def _parse(path: Path) -> tuple[Codebook | None, list[Problem]]:
    data, problems = _read(path)
    if problems:
        return None, problems
    file = str(path)
    if not isinstance(data, dict):
        return None, [Problem(file, 1, "a codebook is a mapping with name, version and facets")]
    problem = _Collector(file)
    problem.unknown_fields(data, TOP_FIELDS, "codebook")
    raw_facets = data.get("facets")
    if not isinstance(raw_facets, list) or not raw_facets:
        problem.add(_line(data, "facets"), "missing 'facets' list")
        return None, problem.items
    seen: dict[str, int] = {}
    facets = [f for f in (_facet(item, problem, seen) for item in raw_facets) if f]
    _check_renames(facets, problem, seen)
    language = str(data.get("language") or "nl")
    if language not in LANGUAGES:
        problem.add(_line(data, "language"), f"language {language!r}: exports and the report speak "
                    f"{' or '.join(LANGUAGES)}; Dutch is used", "warning")
    codebook = Codebook(name=str(data.get("name") or path.stem), version=str(data.get("version") or "0"),
                        facets=tuple(facets), language=language)
    return codebook, problem.items


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, line: int, reason: str, level: str = "error") -> None:
        self.items.append(Problem(self.file, line, reason, level))

    def unknown_fields(self, item: dict[str, Any], allowed: set[str], what: str) -> None:
        for name in item:
            if name not in (LINE, LINES) and name not in allowed:
                self.add(_line(item, name), f"unknown field {name!r} in {what} (ignored)", "warning")

    def key(self, item: dict[str, Any], what: str, seen: dict[str, int]) -> str | None:
        line = _line(item, "key")
        key = item.get("key")
        if not isinstance(key, str) or not key:
            self.add(line, f"{what} without a key")
            return None
        if not KEY.match(key):
            self.add(line, f"{what} key {key!r} must be lower-case snake_case (a-z, 0-9, _)")
        if key in seen:
            self.add(line, f"duplicate {what} key {key!r} (first defined on line {seen[key]})")
            return None
        seen[key] = line
        return key


def _named(item: dict[str, Any], key: str | None) -> str:
    """How messages name a facet or code: its key as written, also when the key was
    refused (a duplicate), so the message never says None."""
    return key if key is not None else _text(item.get("key")) or "(no key)"


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _facet(item: Any, problem: _Collector, seen: dict[str, int]) -> Facet | None:
    if not isinstance(item, dict):
        problem.add(0, "each facet must be a mapping with key, label, mode and codes")
        return None
    line = item[LINE]
    problem.unknown_fields(item, FACET_FIELDS, "facet")
    key = problem.key(item, "facet", seen)
    named = _named(item, key)
    if not _text(item.get("label")):
        problem.add(line, f"facet {named!r} without a label")
    mode = item.get("mode")
    if mode not in MODES:
        problem.add(_line(item, "mode"), f"facet {named!r}: unknown mode {mode!r} (use single or multi)")
    suggest = item.get("suggest", "keywords")
    if suggest not in SUGGEST:
        problem.add(_line(item, "suggest"),
                    f"facet {key!r}: unknown suggest {suggest!r} (use {', '.join(SUGGEST)})")
    raw_codes = item.get("codes")
    if not isinstance(raw_codes, list) or not raw_codes:
        problem.add(line, f"facet {key!r} has no codes")
        raw_codes = []
    codes = [c for c in (_code(raw, key or "", problem, seen) for raw in raw_codes) if c]
    if key is None:
        return None
    return Facet(key, _text(item.get("label")) or key, mode if mode in MODES else "single",
                 _text(item.get("description")), tuple(codes), suggest if suggest in SUGGEST else "keywords",
                 english=_english(item))


def _english(item: dict[str, Any]) -> Translation | None:
    """The optional English texts (``*_en`` fields); None when the item has none."""
    return Translation(*(_text(item.get(name)) for name in ENGLISH_FIELDS)).or_none()


def _string_list(item: dict[str, Any], name: str, problem: _Collector) -> tuple[str, ...]:
    value = item.get(name) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        problem.add(_line(item, name), f"{name} must be a list of words or phrases")
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def _code(item: Any, facet: str, problem: _Collector, seen: dict[str, int]) -> Code | None:
    if not isinstance(item, dict):
        problem.add(0, f"facet {facet!r}: each code must be a mapping with key and label")
        return None
    line = item[LINE]
    problem.unknown_fields(item, CODE_FIELDS, "code")
    key = problem.key(item, "code", seen)
    named = _named(item, key)
    label = _text(item.get("label"))
    if not label:
        problem.add(line, f"code {named!r} without a label")
    colour = item.get("colour", item.get("color"))
    if colour is not None and not (isinstance(colour, str) and COLOUR.match(colour)):
        problem.add(_line(item, "colour" if "colour" in item else "color"),
                    f"code {named!r}: bad colour {colour!r} (use #rgb or #rrggbb)")
        colour = None
    keywords = _string_list(item, "keywords", problem)
    if not keywords:
        problem.add(line, f"code {named!r} has no keywords (no suggestions for it)", "warning")
    if key is None:
        return None
    return Code(key=key, label=label or key, facet=facet, description=_text(item.get("description")),
                when_to_use=_text(item.get("when_to_use")), when_not=_text(item.get("when_not")),
                keywords=keywords, examples=_string_list(item, "examples", problem), colour=colour,
                group=_text(item.get("group")) or None,
                renamed_from=_string_list(item, "renamed_from", problem), english=_english(item))


def _check_renames(facets: list[Facet], problem: _Collector, seen: dict[str, int]) -> None:
    for facet in facets:
        for code in facet.codes:
            for old in code.renamed_from:
                if old in seen:
                    problem.add(seen[code.key], f"code {code.key!r} is renamed from {old!r}, "
                                f"but {old!r} still exists (line {seen[old]})")
