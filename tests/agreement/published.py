"""Published reliability data sets, typed in from the sources named on each.

Values are the exact results of the published data (the notes in shared/notes/agreement.md
record where a printed value was rounded); each constant names its source.
"""

import numpy as np

N = None

# Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, section B (binary, 2 x 10).
K2011_BINARY = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
                [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
K2011_BINARY_ALPHA = 0.0952381

# Krippendorff (2011), section C: Ben and Gerry, nominal, 2 x 12.
K2011_NOMINAL = [list("aabbdcccedda"), list("babbbccceddd")]
K2011_NOMINAL_ALPHA = 0.6919643

# Krippendorff (2011), section E: 4 observers x 12 units with missing values.
K2011_FOUR = [[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
              [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
              [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
              [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]]
K2011_FOUR_ALPHA = {"nominal": 0.7434211, "ordinal": 0.8153875,
                    "interval": 0.8491071, "ratio": 0.7974028}
# Gwet's irrCAC (R) on the same data, `raw_4raters` in his handbook: value and SE.
GWET_4RATERS = {"gwet_ac": (0.77544, 0.14295), "fleiss_kappa": (0.76117, 0.15302)}

# Fleiss (1971): 30 patients x 6 psychiatrists x 5 diagnoses (as reproduced by R irr).
FLEISS_1971 = np.array([
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5]])
FLEISS_1971_KAPPA = 0.4302445

# Wikipedia "Fleiss' kappa" worked example: 10 subjects, 14 raters, counts per category.
WIKIPEDIA_FLEISS_COUNTS = np.array([
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]])
WIKIPEDIA_FLEISS_KAPPA = 0.2099307

# Cohen (1960, p. 45): 200 units, proportions .70 observed and .41 by chance.
COHEN_1960_TABLE = np.array([[88, 14, 18], [10, 40, 10], [2, 6, 12]])
COHEN_1960_KAPPA = 0.29 / 0.59

# SAS PROC FREQ example (statsmodels test suite): kappa and its asymptotic SE.
SAS_TABLE = np.array([[0, 4, 1], [0, 8, 0], [0, 1, 5]])
SAS_KAPPA, SAS_ASE = 0.4842, 0.1380
SAS_LINEAR_KAPPA, SAS_LINEAR_ASE = 0.4701, 0.1457

# Gwet, Handbook of Inter-Rater Reliability: 3 x 3 abstractors table (ectopic pregnancy).
GWET_ABSTRACTORS = np.array([[13, 0, 0], [0, 20, 7], [0, 4, 56]])
GWET_ABSTRACTORS_AC1 = (0.84933, 0.04322)
GWET_ABSTRACTORS_AC2_QUADRATIC = (0.94024, 0.01792)

# Krippendorff (2004, p. 254), unitizing on [150, 450): (coder, code, begin, length).
K2004_UNITS = [(0, "c", 225, 70), (0, "c", 370, 30), (1, "c", 220, 80), (1, "c", 355, 20),
               (1, "c", 400, 20), (0, "k", 180, 60), (0, "k", 300, 50), (1, "k", 180, 60),
               (1, "k", 300, 50)]
K2004_ALPHA = {"c": 0.728599, "k": 1.0, "pooled": 0.858665}

# Krippendorff (1995, p. 57): four pairs of coders on a 24-step continuum, code = example.
K1995_UNITS = [
    (0, "A", 2, 8), (0, "A", 14, 6), (1, "A", 4, 4), (1, "A", 15, 2),
    (0, "B", 0, 18), (1, "B", 0, 2), (1, "B", 2, 1), (1, "B", 3, 1), (1, "B", 4, 1),
    (1, "B", 5, 1), (1, "B", 6, 3), (1, "B", 9, 1),
    (0, "C", 2, 6), (0, "C", 10, 2), (0, "C", 14, 4), (0, "C", 20, 2), (1, "C", 0, 2),
    (1, "C", 4, 4), (1, "C", 10, 4), (1, "C", 16, 2), (1, "C", 20, 2),
    (0, "D", 0, 2), (0, "D", 2, 8), (0, "D", 10, 4), (0, "D", 14, 6), (0, "D", 20, 4),
    (1, "D", 0, 4), (1, "D", 4, 4), (1, "D", 8, 7), (1, "D", 15, 2), (1, "D", 17, 7)]
# Exact values at a fine resolution (x 50,000), which the printed .553/-.926/.679/.066 round.
K1995_FINE_ALPHA = {"A": 0.5529, "B": -0.9284, "C": 0.6931, "D": 0.0659}
K1995_OBSERVED = {"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}


def table_to_rows(table: np.ndarray) -> list[tuple[str, str, str]]:
    """Expand a two-coder contingency table into long rows (unit, coder, value)."""
    rows, unit = [], 0
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            for _ in range(int(count)):
                rows += [(str(unit), "A", str(i + 1)), (str(unit), "B", str(j + 1))]
                unit += 1
    return rows


def matrix_to_rows(coders_by_units) -> list[tuple[str, str, str]]:
    return [(str(u), f"c{c}", "" if v is None else str(v))
            for c, row in enumerate(coders_by_units) for u, v in enumerate(row)]


def counts_to_rows(counts: np.ndarray) -> list[tuple[str, str, str]]:
    """Fleiss-style counts (units x categories) as anonymous rating slots."""
    rows = []
    for u, row in enumerate(counts):
        slot = 0
        for k, count in enumerate(row):
            for _ in range(int(count)):
                rows.append((str(u), f"r{slot}", str(k + 1)))
                slot += 1
    return rows
