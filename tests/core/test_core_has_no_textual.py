"""The core (everything outside coder.tui and the CLI's TUI launcher) never imports Textual."""

import subprocess
import sys
from pathlib import Path

import coder

PACKAGE = Path(coder.__file__).parent


def core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "tui" in parts or parts[:2] == ("coder", "cli"):
            continue
        names.append(".".join(p for p in parts if p != "__init__"))
    return names


def test_core_modules_import_without_textual():
    modules = core_modules()
    assert "coder.agreement.coefficients" in modules and "coder.store.db" in modules
    script = (f"import sys, importlib\nfor m in {modules!r}: importlib.import_module(m)\n"
              "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
              "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported: {out.stdout.strip()}"
