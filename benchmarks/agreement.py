"""Agreement speed: all coefficients with analytic CIs against the `krippendorff` package.

Baseline, measured in the same run: `krippendorff.alpha` (nominal) on 2 coders x 100,000
units x 30 categories, best of 3 after one warm-up. Ours: every coefficient with its
analytic 95% interval on the same data, and on 1,000,000 units (where the package would
need a 6.7 GiB units x values x values array). Peak RSS is printed at the end.

Run: ``python -m benchmarks.agreement``.
"""

from __future__ import annotations

import resource
import time

import numpy as np

from coder.agreement import agreement, ratings_from_codes

Q = 30
CATS = [str(k) for k in range(Q)]


def data(units: int, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, Q, units)
    noise = rng.integers(0, Q, (units, 2))
    return np.where(rng.random((units, 2)) < 0.7, truth[:, None], noise).astype(np.int32)


def best_of(func, repeat: int = 3) -> float:
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    import krippendorff

    small = data(100_000)
    big = data(1_000_000)
    baseline = best_of(lambda: krippendorff.alpha(reliability_data=small.T.astype(float),
                                                  level_of_measurement="nominal"))
    ours_small = best_of(lambda: agreement(ratings_from_codes(small, CATS), ci="analytic"))
    ours_big = best_of(lambda: agreement(ratings_from_codes(big, CATS), ci="analytic"))
    theirs = krippendorff.alpha(reliability_data=small.T.astype(float), level_of_measurement="nominal")
    mine = agreement(ratings_from_codes(small, CATS), ci="none").metrics["krippendorff_alpha"].value
    print(f"alpha check at 100k: ours {mine:.7f}, krippendorff {theirs:.7f}")
    print(f"krippendorff.alpha nominal, 100k units:        {baseline:8.3f} s (baseline)")
    print(f"coder, all 8 coefficients + CIs, 100k units:   {ours_small:8.3f} s  "
          f"-> {baseline / ours_small:6.1f}x faster (target >= 50x)")
    print(f"coder, all 8 coefficients + CIs, 1M units:     {ours_big:8.3f} s  (target < 2 s)")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
          "(set by the krippendorff baseline's units x values x values array)")


if __name__ == "__main__":
    main()
