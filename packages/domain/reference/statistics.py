"""Reference values for packages/domain/src/statistics.test.ts.

Computed independently of our TypeScript with SciPy (scipy.stats.ttest_ind with
equal_var=False for Welch, ttest_rel for paired, t.cdf / t.ppf for the Student t
distribution, binomtest(...).proportion_ci(method="wilson") for Wilson
intervals). Run from this folder:

    python3 statistics.py > statistics-reference.json

The data sets are written into the JSON too, so the test feeds our functions
exactly the numbers SciPy saw. Sign convention: SciPy reports a - b (and
before - after for ttest_rel); the JSON keeps SciPy's numbers unchanged and
the test states how ours relate.
"""

import json
import sys

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20251123)


def rounded(values, digits=3):
    return [round(float(v), digits) for v in values]


def welch_case(name, a, b):
    res = stats.ttest_ind(a, b, equal_var=False)
    ci = res.confidence_interval(0.95)
    return {
        "name": name,
        "a": a,
        "b": b,
        "mean_a": float(np.mean(a)),
        "mean_b": float(np.mean(b)),
        "t": float(res.statistic),
        "df": float(res.df),
        "p": float(res.pvalue),
        "ci95_a_minus_b": [float(ci.low), float(ci.high)],
    }


def paired_case(name, before, after):
    res = stats.ttest_rel(before, after)
    ci = res.confidence_interval(0.95)
    d = np.array(after) - np.array(before)
    return {
        "name": name,
        "before": before,
        "after": after,
        "mean_before": float(np.mean(before)),
        "mean_after": float(np.mean(after)),
        "sd_after_minus_before": float(np.std(d, ddof=1)),
        "t": float(res.statistic),
        "df": float(res.df),
        "p": float(res.pvalue),
        "ci95_before_minus_after": [float(ci.low), float(ci.high)],
    }


welch = [
    # INSPIRE-O-like scores (0-100, steps of 5) at baseline and end.
    welch_case(
        "inspire-like",
        [40, 55, 35, 60, 45, 50, 30, 65, 55, 40],
        [60, 70, 55, 75, 65, 80, 50, 70],
    ),
    # Very unequal sizes and spreads: strongly non-integer df.
    welch_case("unequal", rounded(rng.normal(50, 25, 5)), rounded(rng.normal(58, 6, 40))),
    # A clear difference: p far below 1e-10.
    welch_case("tiny-p", rounded(rng.normal(40, 8, 60)), rounded(rng.normal(62, 9, 55))),
    # No real difference: p well above 0.05.
    welch_case("null", rounded(rng.normal(50, 10, 25)), rounded(rng.normal(50.5, 12, 30))),
]

paired = [
    paired_case(
        "inspire-like",
        [40, 55, 35, 60, 45, 50, 30, 65, 55, 40, 45, 25],
        [55, 60, 45, 70, 45, 65, 40, 70, 60, 55, 50, 45],
    ),
]
before = rounded(rng.normal(40, 15, 45))
after = rounded(np.array(before) + rng.normal(10, 4, 45))
paired.append(paired_case("tiny-p", before, after))
before = rounded(rng.normal(50, 15, 8))
after = rounded(np.array(before) + rng.normal(-1, 6, 8))
paired.append(paired_case("small-decline", before, after))

t_cdf = []
for t, df in [(2.0, 5.0), (-1.3, 2.5), (0.4, 30.0), (8.0, 100.0), (-25.0, 7.3), (50.0, 3.0), (3.1, 1.0), (-0.01, 1000.0)]:
    t_cdf.append({"t": t, "df": df, "cdf": float(stats.t.cdf(t, df)), "sf": float(stats.t.sf(t, df))})

t_ppf = []
for p, df in [(0.975, 1.0), (0.975, 2.5), (0.975, 7.3), (0.975, 30.0), (0.975, 1000.0), (0.995, 12.0), (0.6, 4.0), (0.025, 9.0)]:
    t_ppf.append({"p": p, "df": df, "t": float(stats.t.ppf(p, df))})

wilson = []
for k, n in [(0, 10), (3, 10), (10, 10), (1, 1), (701, 2783), (438, 701), (29, 2783)]:
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    wilson.append({"k": k, "n": n, "low": float(ci.low), "high": float(ci.high)})

# Welch from summary statistics only (what SQL returns: n, mean, sd per group).
from_stats = []
for name, (m1, s1, n1, m2, s2, n2) in {
    "baseline-end-like": (42.3, 19.4, 126, 58.1, 17.2, 77),
    "small-groups": (61.0, 12.5, 6, 48.0, 25.0, 5),
}.items():
    res = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)
    from_stats.append(
        {"name": name, "mean1": m1, "sd1": s1, "n1": n1, "mean2": m2, "sd2": s2, "n2": n2, "t": float(res.statistic), "p": float(res.pvalue)}
    )

json.dump(
    {
        "generated_by": "packages/domain/reference/statistics.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "welch": welch,
        "paired": paired,
        "t_cdf": t_cdf,
        "t_ppf": t_ppf,
        "wilson": wilson,
        "welch_from_stats": from_stats,
    },
    sys.stdout,
    indent=1,
)
sys.stdout.write("\n")
