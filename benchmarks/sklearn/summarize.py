#!/usr/bin/python3
"""Markdown summary of sklearn-suite.sh's results (a JSON array of runs: problem, method, seed,
best, wall_s, direction): per problem and method the median [Q1, Q3] of the best objective over
seeds (numpy's linear quartiles = type 7) and the median wall seconds per tuning run; then per
problem TuneLab Bayesian against TuneLab Random and against the better Optuna sampler (the one
with the better median), paired by seed: wins / ties / losses and a two-sided exact sign test
(ties dropped).

Verdicts (sign test, two-sided, ties dropped, significance 0.05): "beats Random" when Bayesian
wins more seeds than it loses with p < 0.05, "loses to Random" the other way, otherwise "no
significant difference" with the medians' order. Against the better Optuna sampler: "matches"
unless Bayesian loses significantly ("worse"), with where its median lies: better or equal to
the sampler's median, inside its interquartile range, or outside it.
Usage: summarize.py RESULTS.json
"""
import json
import math
import sys

import numpy as np

METHODS = ["tunelab-bayesian", "tunelab-random", "optuna-tpe", "optuna-random"]


def sign_p(w, l):
    n = w + l
    if n == 0:
        return 1.0
    k = min(w, l)
    return min(1.0, 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n)


def main():
    runs = json.load(open(sys.argv[1]))
    problems = list(dict.fromkeys(r["problem"] for r in runs))
    direction = {r["problem"]: r["direction"] for r in runs if r.get("direction")}
    fmt = lambda v: f"{v:.4f}" if abs(v) < 100 else f"{v:.2f}"  # noqa: E731
    print("| problem | goal | " + " | ".join(METHODS) + " |")
    print("| --- | --- |" + " --- |" * len(METHODS))
    table = {}
    for p in problems:
        cells = []
        for m in METHODS:
            rs = sorted((r for r in runs if r["problem"] == p and r["method"] == m), key=lambda r: r["seed"])
            table[p, m] = {r["seed"]: r["best"] for r in rs}
            if not rs:
                cells.append("—")
                continue
            v = np.array([r["best"] for r in rs])
            q1, med, q3 = np.percentile(v, [25, 50, 75])
            cells.append(f"{fmt(med)} [{fmt(q1)}, {fmt(q3)}] ({np.median([r['wall_s'] for r in rs]):.1f} s)")
        print(f"| {p} | {direction[p].lower()} | " + " | ".join(cells) + " |")
    print()
    print("| problem | n | Bayesian vs Random W/T/L (sign p) | verdict | better Optuna | Bayesian vs it W/T/L (sign p) | verdict |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for p in problems:
        sgn = 1 if direction[p] == "Maximize" else -1
        b, r = table[p, "tunelab-bayesian"], table[p, "tunelab-random"]

        def wtl(x, y):
            seeds = sorted(set(x) & set(y))
            w = sum(sgn * (x[s] - y[s]) > 1e-12 for s in seeds)
            lo = sum(sgn * (y[s] - x[s]) > 1e-12 for s in seeds)
            return len(seeds), w, len(seeds) - w - lo, lo

        def med(x):
            return float(np.median(list(x.values())))

        def order(x, y):
            d = sgn * (med(x) - med(y))
            tol = 1e-9 * max(1.0, abs(med(y)))  # a median of two equal scores can differ in the last bits
            return "median ahead" if d > tol else "median behind" if d < -tol else "equal medians"

        n, w, t, lo = wtl(b, r)
        if sign_p(w, lo) < 0.05:
            v1 = "beats Random" if w > lo else "loses to Random"
        else:
            v1 = f"no significant difference ({order(b, r)})"
        opts = [m for m in ("optuna-tpe", "optuna-random") if table[p, m]]
        if opts:
            best = max(opts, key=lambda m: sgn * med(table[p, m]))
            o = table[p, best]
            q1, q3 = np.percentile(list(o.values()), [25, 50, 75])[[0, 2]]
            _, w2, t2, l2 = wtl(b, o)
            if sgn * (med(b) - med(o)) >= -1e-12:
                where = "median better or equal"
            elif min(q1, q3) <= med(b) <= max(q1, q3):
                where = "median within its IQR"
            else:
                where = "median outside its IQR"
            v2 = ("worse" if l2 > w2 and sign_p(w2, l2) < 0.05 else "matches") + f" ({where})"
            tail = f"{best} | {w2}/{t2}/{l2} ({sign_p(w2, l2):.2f}) | {v2}"
        else:
            tail = "— | — | —"
        print(f"| {p} | {n} | {w}/{t}/{lo} ({sign_p(w, lo):.2f}) | {v1} | {tail} |")


if __name__ == "__main__":
    main()
