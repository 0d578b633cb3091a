"""The ``coder`` command line: the scriptable face of everything the TUI can do.

Each command group lives in its own module and is registered here. Errors worded for
the user (:class:`coder.errors.CoderError`) are printed as one line on stderr and turn
into the error's exit code; no traceback.
"""

from __future__ import annotations

import sys

import click

from coder.cli import agree as _agree  # noqa: F401
from coder.cli import codebook as _codebook  # noqa: F401
from coder.cli import coding as _coding  # noqa: F401
from coder.cli import demo as _demo  # noqa: F401
from coder.cli import export as _export  # noqa: F401
from coder.cli import indicators as _indicators  # noqa: F401
from coder.cli import layout as _layout  # noqa: F401

# Importing a command module registers its commands on ``cli``.
from coder.cli import project as _project  # noqa: F401
from coder.cli import report as _report  # noqa: F401
from coder.cli import rounds as _rounds  # noqa: F401
from coder.cli import tui as _tui  # noqa: F401
from coder.cli.base import cli


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (``coder``, ``python -m coder``)."""
    try:
        cli.main(args=argv, prog_name="coder")
    except KeyboardInterrupt:
        click.echo("coder: interrupted", err=True)
        sys.exit(130)
