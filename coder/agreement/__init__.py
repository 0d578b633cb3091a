"""Inter-rater agreement: the mathematics, free of databases and user interfaces.

`ratings_from_long` turns `unit, coder, value` rows into a `Ratings` matrix;
`agreement` computes every coefficient with its 95% interval; `unitized_alpha` and
`segment_overlap` handle coder-made spans on a continuum.
"""

from coder.agreement.coefficients import METRICS, AgreementResult, agreement
from coder.agreement.data import Ratings, ratings_from_codes, ratings_from_long
from coder.agreement.estimate import Estimate
from coder.agreement.segments import segment_overlap
from coder.agreement.unitizing import Span, unitized_alpha

__all__ = [
    "METRICS", "AgreementResult", "Estimate", "Ratings", "Span", "agreement",
    "ratings_from_codes", "ratings_from_long", "segment_overlap", "unitized_alpha",
]
