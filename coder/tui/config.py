"""User settings for the TUI: a keymap file that remaps binding ids to keys.

``$CODER_KEYMAP`` or ``keys.yaml`` in coder's config folder (see :mod:`coder.paths`), e.g.::

    next-quote: j
    previous-quote: k
"""

from __future__ import annotations

from pathlib import Path

from coder.errors import InputError
from coder.paths import keymap_path


def load_keymap(path: Path | None = None) -> dict[str, str]:
    path = path or keymap_path()
    if not path.is_file():
        return {}
    import yaml  # only when there is a keymap: not on every start

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read keymap ({exc})") from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise InputError(f"{path}: a keymap maps binding ids to keys, e.g. 'next-quote: j'")
    return {str(k): v for k, v in data.items()}
