"""Every place coder looks for a file it did not get on the command line, in one module.

Environment variables are read here and nowhere else, so a user (or a test) can see in
one place what changes where coder reads and writes:

- ``$CODER_DB``: the project database when ``--db`` is not given (else ``./coder.db``);
- ``$XDG_CONFIG_HOME``: the parent of coder's config folder (else ``~/.config``);
- ``$CODER_KEYMAP``: the TUI keymap (else ``<config>/coder/keys.yaml``).

The default codebook ships inside the package (package data), so a wheel installed
anywhere has one; the demo corpus exists only in a source checkout.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

DEFAULT_DB_NAME = "coder.db"
CHECKOUT_ROOT = Path(__file__).resolve().parent.parent
SOURCE_URL = "the coder source repository"


def default_db() -> str:
    """The project file commands use when ``--db`` is not given."""
    return os.environ.get("CODER_DB") or DEFAULT_DB_NAME


def config_dir() -> Path:
    """coder's folder for user settings, following the XDG base directory rules."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "coder"


def keymap_path() -> Path:
    """The TUI keymap file: ``$CODER_KEYMAP`` or ``keys.yaml`` in the config folder."""
    override = os.environ.get("CODER_KEYMAP")
    return Path(override) if override else config_dir() / "keys.yaml"


def bundled_codebook() -> Path:
    """The default codebook carried as package data (identical to the checkout's codebook.yaml)."""
    with resources.as_file(resources.files("coder.codebook") / "codebook.yaml") as path:
        return Path(path)


def demo_corpus() -> Path | None:
    """The demo corpus folder when coder runs from a source checkout, else ``None``."""
    folder = CHECKOUT_ROOT / "corpus"
    return folder if (folder / "documents.csv").is_file() else None
