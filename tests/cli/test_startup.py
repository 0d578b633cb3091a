"""`coder --help` and one `coder code` call stay fast: no heavy library on the start-up path.

Measured speed lives in benchmarks/cli.py; this only checks which modules get imported,
in a fresh interpreter, which is what decides start-up time.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("scipy", "numpy", "pandas", "spacy", "pdfplumber", "textual", "openpyxl", "lxml", "docx")


def imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(out.stdout.splitlines()[-1])}


def test_import_coder_cli_loads_no_heavy_library():
    assert imported_after("import coder.cli") & set(HEAVY) == set()


def test_import_coder_is_cheap():
    assert imported_after("import coder") & {*HEAVY, "sqlite_utils", "click"} == set()


def test_opening_a_project_loads_neither_pandas_nor_numpy(tmp_path):
    code = f"from coder.store.db import connect; connect({str(tmp_path / 'p.db')!r})"
    assert imported_after(code) & set(HEAVY) == set()


def test_pandas_still_imports_after_sqlite_utils():
    """Hiding pandas from sqlite-utils' import must not hide it from the user afterwards."""
    code = ("import importlib.util, coder.store.sqlite\n"
            "if importlib.util.find_spec('pandas'):\n    import pandas")
    imported_after(code)


def test_the_api_and_the_coding_path_load_no_heavy_library(tmp_path):
    """What `coder code` runs: the API, a project, the coding core (no numpy, no PDF stack)."""
    code = (f"import coder; p = coder.open_project({str(tmp_path / 'p.db')!r}); p.coders(); "
            "import coder.coding.assign, coder.coding.events, coder.quotes.store, coder.ingest.documents")
    assert imported_after(code) & set(HEAVY) == set()
