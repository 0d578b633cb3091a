"""Errors the user should see as one clear line (the CLI prints them without a traceback)."""

from __future__ import annotations


class CoderError(Exception):
    """A problem with the user's input or project, worded for the user.

    ``exit_code`` is what the CLI exits with: 2 for bad input (unknown quote, code,
    facet, malformed file), 1 for everything else.

    ``params`` names the Python parameters the problem is about (``("merge_into", "force")``).
    The message itself speaks of the domain only; a front end that has its own names for
    those parameters (the CLI's options) adds them, so the core never words a CLI flag.
    """

    exit_code = 1

    def __init__(self, message: str, *, exit_code: int | None = None,
                 params: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.params = params
        if exit_code is not None:
            self.exit_code = exit_code


class Notice(str):
    """A warning line that, like :class:`CoderError`, names the parameters it is about
    (``params``) instead of wording a front end's flag; it is stored and shown as the plain
    text it is."""

    params: tuple[str, ...]

    def __new__(cls, text: str, *, params: tuple[str, ...] = ()) -> Notice:
        notice = super().__new__(cls, text)
        notice.params = params
        return notice


class InputError(CoderError):
    """The user named something that does not exist or gave malformed input."""

    exit_code = 2


def explain_sqlite_error(exc: Exception) -> str:
    """SQLite's message plus what the user can do about the common ones."""
    message = str(exc)
    hints = {
        "readonly": "the project file or its folder is read-only; nothing was changed",
        "read-only": "the project file or its folder is read-only; nothing was changed",
        "disk is full": "the disk is full; the last action was rolled back, earlier work is safe",
        "locked": "another program holds the project file too long; try again",
        "malformed": "the project file is damaged; restore a backup",
    }
    hint = next((h for key, h in hints.items() if key in message), None)
    return f"{message} ({hint})" if hint else message
