"""PDF to one normalised, page-anchored text.

``extract_pdf`` is the one entry point the rest of coder uses. The names below are
loaded on first use, so importing :mod:`coder.extraction.model` does not load pdfplumber.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {"Block": "model", "Extraction": "model", "PageSpan": "model",
          "ExtractionError": "pdf", "extract_pdf": "pdf"}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
