#!/usr/bin/python3
"""Writes benchmarks/QUALITY-SUITE.md from the quality suite's raw results.

Inputs: TuneLab's `tunelab benchmark --json` documents (one per parallelism, strategies Bayesian
and Random, seeds 0..N-1) and quality_suite.py's Optuna document (same seeds). For each budget
and parallelism, per function: median [Q1, Q3] over seeds of the best value found (quartiles by
linear interpolation, type 7, as TuneLab's Quartiles and numpy's default) for TuneLab Bayesian,
TuneLab Random, Optuna TPE and Optuna Random. The better Optuna sampler (lower median) is marked
in bold; "TuneLab >= Optuna" says whether TuneLab Bayesian's median is at most that sampler's,
with the two-sided Mann-Whitney U p-value of the two samples of per-seed bests.

Usage (from the repository root):
  /usr/bin/python3 benchmarks/python/quality_report.py --tunelab P1.json P3.json --optuna OPTUNA.json
      --consistency CHECK.txt --command "..." --seconds "..." --out benchmarks/QUALITY-SUITE.md
"""
import argparse
import datetime
import json
import platform

import numpy as np
from scipy.stats import mannwhitneyu

COLUMNS = [("TuneLab Bayesian", "tunelab", "Bayesian"), ("TuneLab Random", "tunelab", "Random"),
           ("Optuna TPE", "optuna", "tpe"), ("Optuna Random", "optuna", "random")]


def quartiles(xs):
    q1, med, q3 = np.percentile(np.asarray(xs, dtype=float), [25, 50, 75])
    return float(q1), float(med), float(q3)


def num(v):
    if v == 0:
        return "0"
    if abs(v) >= 1e4 or abs(v) < 1e-3:
        return "%.3e" % v
    return "%.4g" % v


def cell(xs):
    q1, med, q3 = quartiles(xs)
    return "%s [%s, %s]" % (num(med), num(q1), num(q3))


def load_tunelab(paths):
    """(function, strategy, parallel) -> list of per-seed trajectories, plus optima and seconds."""
    runs, optima, seconds = {}, {}, {}
    for p in paths:
        with open(p) as fh:
            doc = json.load(fh)
        for r in doc["results"]:
            seeds = sorted(r["seeds"], key=lambda s: s["seed"])
            runs[(r["function"], r["strategy"], r["parallel"])] = [s["bestSoFar"] for s in seeds]
            optima[r["function"]] = r["optimum"]
            seconds[(r["function"], r["strategy"], r["parallel"])] = r["seconds"]
    return runs, optima, seconds


def main():
    ap = argparse.ArgumentParser(description="QUALITY-SUITE.md from the suite's raw results")
    ap.add_argument("--tunelab", nargs="+", required=True)
    ap.add_argument("--optuna", required=True)
    ap.add_argument("--consistency", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--seconds", default="")
    ap.add_argument("--raw", nargs="*", default=[])
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    tl, optima, tl_seconds = load_tunelab(a.tunelab)
    with open(a.optuna) as fh:
        op = json.load(fh)
    meta = op["meta"]
    with open(a.consistency) as fh:
        consistency = fh.read().strip()
    functions = list(op["results"])
    parallels = meta["parallel"]
    budgets = sorted(meta["budgets"], reverse=True)
    nseeds = len(meta["seeds"])

    def sample(func, src, name, par, budget):
        if src == "tunelab":
            trajs = tl[(func, name, par)]
            if len(trajs) != nseeds:
                raise SystemExit("TuneLab %s %s parallel %d has %d seeds, Optuna %d"
                                 % (func, name, par, len(trajs), nseeds))
            return [t[budget - 1] for t in trajs]
        return op["results"][func][name]["parallel=%d" % par]["budget=%d" % budget]

    out = []
    w = out.append
    w("# Quality suite: TuneLab against Optuna on %d test functions" % len(functions))
    w("")
    w("Issue 11, part 1. Per function, the best value found (lower is better) after a budget of")
    w("trials, over seeds 0..%d: **median [Q1, Q3]** (quartiles type 7, linear interpolation)." % (nseeds - 1))
    w("TuneLab's numbers come from `tunelab benchmark` (its Bayesian GP + EI strategy and Random,")
    w("as built from this branch), Optuna's from `benchmarks/python/quality_suite.py`, which defines the")
    w("same functions over the same spaces (checked below). Both simulate parallelism the same way: P")
    w("proposals are asked before the first result is told, then the oldest pending trial completes")
    w("and one more is asked, so P are in flight until the budget is spent. The budget-20 figures are")
    w("the same runs' best-so-far after 20 trials.")
    w("")
    w("Command (from the repository root, on %s, %s):" % (datetime.date.today().isoformat(), platform.machine()))
    w("")
    w("```")
    w(a.command)
    w("```")
    w("")
    if a.seconds:
        w(a.seconds)
        w("")
    w("Samplers: Optuna %s (Debian's python3-optuna; PyPI is unreachable here, so Optuna 5's" % meta["optuna"])
    w("GPSampler could not be installed).")
    w("")
    for k, v in meta["samplers"].items():
        w("- `%s`: %s" % (k, v))
    w("")
    w("\"Better Optuna\" (bold) is the Optuna sampler with the lower median. \"TuneLab >= Optuna\" is")
    w("*yes* when TuneLab Bayesian's median is at most that median; p is the two-sided Mann-Whitney U")
    w("p-value of the two samples of %d per-seed bests (p >= 0.05: the seeds do not tell them apart)." % nseeds)
    w("")
    summary = []
    for budget in budgets:
        for par in parallels:
            w("## Budget %d, %s" % (budget, "sequential" if par == 1 else "%d in parallel" % par))
            w("")
            w("| function | optimum | " + " | ".join(c[0] for c in COLUMNS) + " | TuneLab >= Optuna | p |")
            w("|---|---:|" + "---:|" * len(COLUMNS) + "---|---:|")
            wins = better_sig = worse_sig = 0
            beats_random = 0
            for f in functions:
                s = {c[0]: sample(f, c[1], c[2], par, budget) for c in COLUMNS}
                med = {k: float(np.median(v)) for k, v in s.items()}
                best_op = "Optuna TPE" if med["Optuna TPE"] <= med["Optuna Random"] else "Optuna Random"
                cells = []
                for c in COLUMNS:
                    t = cell(s[c[0]])
                    cells.append("**%s**" % t if c[0] == best_op else t)
                ok = med["TuneLab Bayesian"] <= med[best_op]
                p = mannwhitneyu(s["TuneLab Bayesian"], s[best_op], alternative="two-sided").pvalue
                wins += ok
                better_sig += ok and p < 0.05
                worse_sig += (not ok) and p < 0.05
                beats_random += med["TuneLab Bayesian"] <= med["TuneLab Random"]
                w("| %s | %s | %s | %s | %.3g |" % (f, num(optima.get(f, meta["optima"][f])), " | ".join(cells),
                                                   "yes" if ok else "no", p))
            w("")
            line = ("Budget %d, parallel %d: TuneLab Bayesian's median at least as good as the better Optuna "
                    "sampler's on %d of %d functions (better with p < 0.05 on %d, worse with p < 0.05 on %d); "
                    "at least as good as TuneLab Random on %d of %d."
                    % (budget, par, wins, len(functions), better_sig, worse_sig, beats_random, len(functions)))
            summary.append(line)
            w(line)
            w("")
    w("## Summary")
    w("")
    for line in summary:
        w("- " + line)
    w("")
    w("## Function definitions: Java against Python")
    w("")
    w("`quality_suite.py check-java` evaluates every function at random points in Python and through")
    w("`dev.tunelab.benchmarks.quality.TestFunctionValues` (TuneLab's definitions):")
    w("")
    w("```")
    w(consistency)
    w("```")
    w("")
    w("## Seconds per run (all seeds)")
    w("")
    w("| function | " + " | ".join("%s p%d" % (c[0], par) for par in parallels for c in COLUMNS) + " |")
    w("|---|" + "---:|" * (len(parallels) * len(COLUMNS)) + "")
    for f in functions:
        row = []
        for par in parallels:
            for c in COLUMNS:
                if c[1] == "tunelab":
                    row.append("%.1f" % tl_seconds[(f, c[2], par)])
                else:
                    row.append("%.1f" % meta["seconds"]["%s/%s/parallel=%d" % (f, c[2], par)])
        w("| %s | %s |" % (f, " | ".join(row)))
    w("")
    if a.raw:
        w("Raw results: " + ", ".join("`%s`" % r for r in a.raw) + ".")
        w("")
    with open(a.out, "w") as fh:
        fh.write("\n".join(out))


if __name__ == "__main__":
    main()
