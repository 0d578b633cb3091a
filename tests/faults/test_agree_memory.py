"""`coder agree --table` with very many categories runs in bounded memory.

Dense q x q tables made 50,000 categories need ~20 GB per matrix; the kernels and sparse
tables need O(units + categories). The run is done under an address-space limit so the
old behaviour fails quickly with MemoryError instead of exhausting the machine. (How much
memory a 200 MB table takes is measured in benchmarks/agree_memory.py, not here.)
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.agreement import ratings_from_long
from coder.agreement.readers import read_long_table, read_ratings

pytestmark = pytest.mark.faults

LIMITED = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
    from coder.cli import main
    sys.argv = ["coder", "agree", "--table", sys.argv[1], "--json", *sys.argv[2:]]
    main()
""")


def many_categories(path, q: int = 50_000, units: int = 60_000) -> None:
    rng = random.Random(5)
    with path.open("w") as f:
        f.write("unit,coder,value\n")
        for u in range(units):
            truth = rng.randrange(q)
            for coder in ("a", "b", "c"):
                value = truth if rng.random() < 0.8 else rng.randrange(q)
                f.write(f"u{u},{coder},{value}\n")


@pytest.mark.parametrize("options", [[], ["--level", "interval", "--ci", "none"]],
                         ids=["nominal", "interval"])
def test_fifty_thousand_categories_finish_in_bounded_memory(tmp_path, options):
    path = tmp_path / "many.csv"
    many_categories(path)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", LIMITED, str(path), *options], capture_output=True,
                          text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"krippendorff_alpha"' in done.stdout


rows = st.lists(st.tuples(st.sampled_from(["u1", "u2", "ü3", "u 4", "5"]), st.sampled_from(["a", "b", "c"]),
                          st.sampled_from(["", "1", "2", "x", "10"])), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(rows)
def test_streaming_reader_equals_the_list_reader(tmp_path_factory, triples):
    seen, unique = set(), []
    for unit, coder, value in triples:
        if (unit, coder) not in seen:
            seen.add((unit, coder))
            unique.append((unit, coder, value))
    path = tmp_path_factory.mktemp("t") / "r.csv"
    path.write_text("unit,coder,value\n" + "".join(f"{u},{c},{v}\n" for u, c, v in unique), encoding="utf-8")
    expected = ratings_from_long(read_long_table(path))
    got = read_ratings(path)
    assert got.categories == expected.categories and got.coders == expected.coders
    assert np.array_equal(got.codes, expected.codes)


@pytest.mark.parametrize("level,weights", [("nominal", None), ("ordinal", None), ("interval", None),
                                           ("ratio", None), ("circular", None), ("bipolar", None),
                                           (None, "linear"), (None, "radical"), (None, "quadratic")])
def test_blockwise_kernels_give_the_dense_values(monkeypatch, level, weights):
    import coder.agreement.kernel as kernel
    import coder.agreement.tables as tables
    from coder.agreement import agreement, ratings_from_codes

    rng = np.random.default_rng(3)
    codes = np.where(rng.random((80, 3)) < 0.15, -1, rng.integers(0, 7, (80, 3)))
    ratings = ratings_from_codes(codes, [str(k) for k in range(1, 8)])
    dense = agreement(ratings, level=level, weights=weights).as_dict()["metrics"]
    monkeypatch.setattr(kernel, "DENSE_MAX", 0)
    monkeypatch.setattr(kernel, "BLOCK", 3)
    monkeypatch.setattr(tables, "DENSE_CELLS", 0)
    blockwise = agreement(ratings, level=level, weights=weights).as_dict()["metrics"]
    for name, est in dense.items():
        other = blockwise[name]
        if est is None or est["value"] is None:
            assert other == est
            continue
        assert other["value"] == pytest.approx(est["value"], abs=1e-12), name
        assert other["se"] == pytest.approx(est["se"], abs=1e-12), name
