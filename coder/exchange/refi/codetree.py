"""How a REFI-QDA code tree becomes facets and codes.

Our codebook is two levels deep (facets hold codes); other tools nest codes freely. The
rule, applied to every file:

* a top-level code **with** child codes becomes a **facet** (multi-choice); every code
  below it, at any depth, becomes a code of that facet labelled with its path below the
  top ("Risks / of the vaccine / poison"); the top-level code is also a code of its own
  facet, labelled with its own name, so codings on it land too (a code marked
  `isCodable="false"` is kept as a code all the same, and named in the summary);
* a top-level code **without** children becomes a code of the catch-all facet
  `codes` ("Codes");
* codes our own export wrote carry their facet and code keys in a marker, and keep them.

So every code of the file becomes a code or a facet and every coding lands on a code.
Keys are ASCII slugs of the names; a key already used in the project for something else
gets a number (`risk_2`), while a code with the same key, facet and label *is* that code,
so importing the same file twice adds nothing. The tree is walked without recursion: a
file nested thousands of levels deep is just a long label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from coder.codebook.model import Code, Codebook, Facet
from coder.exchange.refi.ids import split_marker
from coder.exchange.refi.xml import child_text, children, guid_key
from coder.store.sqlite import sqlite_utils

KEY = re.compile(r"^[a-z][a-z0-9_]*$")
CATCH_ALL = ("codes", "Codes", "Codes that had no parent in the imported file")
MAX_LABEL = 200
SEPARATOR = " / "


@dataclass
class CodeTree:
    """The facets and codes a file brings, and where each of its code GUIDs landed."""

    codebook: Codebook
    key_by_guid: dict[str, str] = field(default_factory=dict)
    facet_by_key: dict[str, str] = field(default_factory=dict)
    in_file: int = 0  # Code elements in the file
    facet_codes: int = 0  # top-level codes that became facets
    not_codable: list[str] = field(default_factory=list)  # names of isCodable="false" codes kept as codes


def slug(name: str) -> str:
    """An ASCII key for a name: accents dropped, anything else an underscore."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    key = re.sub(r"[^0-9a-z]+", "_", ascii_name.lower()).strip("_")[:40].strip("_")
    if not key:
        return "code"
    return key if key[0].isalpha() else f"c_{key}"


class _Keys:
    """Hands out code and facet keys: reusing a project's key only for the same thing."""

    def __init__(self, db: sqlite_utils.Database | None) -> None:
        self.codes: dict[str, tuple[str, str]] = {}
        self.facets: dict[str, str] = {}
        if db is not None and db["codes"].exists():
            self.codes = {r[0]: (r[1], r[2]) for r in db.execute("SELECT key, facet, label FROM codes")}
            self.facets = {r[0]: r[1] for r in db.execute("SELECT key, label FROM facets")}
        self.taken_codes: set[str] = set()
        self.taken_facets: set[str] = set()

    def facet(self, base: str, label: str) -> str:
        return self._free(base, lambda k: self.facets.get(k) == label, self.facets, self.taken_facets)

    def code(self, base: str, facet: str, label: str) -> str:
        return self._free(base, lambda k: self.codes.get(k) == (facet, label), self.codes, self.taken_codes)

    @staticmethod
    def _free(base: str, same: Any, known: dict[str, Any], taken: set[str]) -> str:
        key, n = base, 2
        while key in taken or (key in known and not same(key)):
            key, n = f"{base}_{n}", n + 1
        taken.add(key)
        return key


def _marker(element: Any) -> tuple[dict[str, str], str]:
    """Our marker's facet/code keys, when they are keys (anything else is not ours)."""
    marker, description = split_marker(child_text(element, "Description"))
    return {k: v for k, v in marker.items() if k not in ("facet", "code") or KEY.match(v)}, description


def _walk(top: Any) -> Iterator[tuple[Any, list[str]]]:
    """Every code below ``top``, depth first in file order, with its path of names."""
    stack: list[tuple[Any, list[str]]] = [(c, [c.get("name") or ""]) for c in reversed(children(top, "Code"))]
    while stack:
        element, path = stack.pop()
        yield element, path
        stack.extend((c, [*path, c.get("name") or ""]) for c in reversed(children(element, "Code")))


def _label(path: list[str]) -> str:
    label = SEPARATOR.join(path)
    if len(label) <= MAX_LABEL:
        return label
    return "…" + label[-(MAX_LABEL - 1):]


def code_tree(codes_element: Any, db: sqlite_utils.Database | None = None) -> CodeTree:
    keys = _Keys(db)
    tree = CodeTree(Codebook("REFI-QDA import", ""))
    facets: list[Facet] = []
    loose: list[Code] = []

    def code_of(element: Any, facet_key: str, label: str) -> Code:
        tree.in_file += 1
        marker, description = _marker(element)
        key = marker.get("code") or keys.code(slug(label), facet_key, label)
        keys.taken_codes.add(key)
        tree.key_by_guid[guid_key(element.get("guid"))] = key
        if element.get("isCodable") == "false" and "code" not in marker:
            tree.not_codable.append(label)
        colour = element.get("color")
        return Code(key=key, label=label, facet=facet_key, description=description,
                    colour=colour if colour and re.fullmatch(r"#[0-9A-Fa-f]{6}", colour) else None)

    catch_all: str | None = None
    for top in children(codes_element, "Code"):
        marker, description = _marker(top)
        name = top.get("name") or "code"
        if "facet" not in marker and not children(top, "Code"):
            catch_all = catch_all or keys.facet(CATCH_ALL[0], CATCH_ALL[1])
            loose.append(code_of(top, catch_all, name))
            continue
        key = marker.get("facet") or keys.facet(slug(name), name)
        mode = marker.get("mode", "multi") if marker.get("mode") in ("single", "multi") else "multi"
        if "facet" in marker:
            tree.in_file += 1
            codes: list[Code] = []
        else:
            codes = [code_of(top, key, name)]
        tree.facet_codes += 1
        codes += [code_of(c, key, _label(path)) for c, path in _walk(top)]
        facets.append(Facet(key, name, mode, description, tuple(codes)))
    if loose and catch_all:
        facets.append(Facet(catch_all, CATCH_ALL[1], "multi", CATCH_ALL[2], tuple(loose)))
    tree.codebook = Codebook("REFI-QDA import", "", tuple(facets))
    tree.facet_by_key = {c.key: c.facet for c in tree.codebook.all_codes()}
    return tree
