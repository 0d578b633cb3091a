"""coder: qualitative coding of quotes from Dutch wijkteam reports.

The core (everything outside :mod:`coder.tui`) never imports Textual, so the library and
the CLI work without a terminal and can be tested on their own.
"""

__version__ = "0.1.0"
