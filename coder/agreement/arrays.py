"""The one array type of the agreement package, so signatures stay short and mypy-strict.

Codes are int64, masks bool and sums float64 in the same functions; the dtype is left open
rather than spelled out per parameter.
"""

from typing import Any

from numpy.typing import NDArray

Array = NDArray[Any]
