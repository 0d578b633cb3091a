"""Inter-rater agreement: the mathematics, free of databases and user interfaces.

`ratings_from_long` turns `unit, coder, value` rows into a `Ratings` matrix;
`agreement` computes every coefficient with its 95% interval; `unitized_alpha` and
`segment_overlap` handle coder-made spans on a continuum.

The names below are loaded on first use (module ``__getattr__``), so importing a light
submodule such as :mod:`coder.agreement.choices` does not load numpy.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "METRICS": "coefficients", "AgreementResult": "coefficients", "agreement": "coefficients",
    "Ratings": "data", "ratings_from_codes": "data", "ratings_from_long": "data",
    "Estimate": "estimate", "segment_overlap": "segments", "Span": "unitizing",
    "unitized_alpha": "unitizing",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
