"""The names the agreement options accept, in a module that imports nothing heavy.

The CLI builds its ``click.Choice`` lists from these at import time, so they must not
pull in numpy.
"""

from __future__ import annotations

WEIGHTS = ("identity", "linear", "quadratic", "ordinal", "radical", "ratio", "circular", "bipolar")
LEVELS = ("nominal", "ordinal", "interval", "ratio", "circular", "bipolar")
CI_METHODS = ("analytic", "bootstrap", "none")
