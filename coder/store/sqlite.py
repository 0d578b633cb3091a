"""sqlite-utils, imported without dragging in pandas and numpy.

sqlite-utils imports pandas and numpy at import time whenever they are installed, only to
map their scalar types to column types when rows holding them are inserted. coder never
inserts such values, and those two imports cost more than half a second on every
``coder code`` call. So, unless the caller has already imported them (a notebook that
uses pandas gets sqlite-utils' full behaviour), they are hidden for the length of the
import and unhidden right after: a later ``import pandas`` works as usual.
"""

from __future__ import annotations

import sys

_HIDDEN = ("pandas", "numpy")


def _import_sqlite_utils() -> None:
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail fast
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


if "sqlite_utils" not in sys.modules:
    _import_sqlite_utils()

import sqlite_utils  # noqa: E402  (after the pandas-free import above)

__all__ = ["sqlite_utils"]
