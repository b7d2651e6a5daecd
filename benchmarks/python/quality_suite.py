#!/usr/bin/python3
"""Optuna reference for TuneLab's benchmark test functions (issue 11, the quality suite).

Defines the same 18 test functions over the same spaces as TuneLab's
optimizer/src/main/java/dev/tunelab/optimizer/benchmark/TestFunctions.java (continuous ranges
linear; mixed's integer n in 1..64 on a log scale; categoricals as there) and minimises each with
Optuna's samplers over seeds 0..N-1, sequentially and with 3 trials in flight.

Samplers (Optuna 3.1.0 from Debian; PyPI is unreachable, so Optuna 5's GPSampler is not here):
  tpe     TPESampler(seed=s): Optuna 3.1 defaults, i.e. multivariate=False (each parameter
          modelled independently), n_startup_trials=10 random trials, constant_liar=False
          (pending trials are not seen by the model)
  random  RandomSampler(seed=s)
  gp      GPSampler(seed=s), only when optuna.samplers.GPSampler exists; otherwise the JSON says
          "not available"

Parallelism P (1 or 3) is simulated as TuneLab's BenchmarkRunner does: ask P trials before
telling any, then repeatedly tell the oldest pending trial and ask one more, so that P are
pending at all times until the budget is spent. Deterministic for a seed.

Usage (from the repository root):
  /usr/bin/python3 benchmarks/python/quality_suite.py run [--seeds 20] [--budget 50]
      [--budgets 20,50] [--parallel 1,3] [--functions all|a,b] [--out FILE]
  /usr/bin/python3 benchmarks/python/quality_suite.py check-java [--points 50]
      [--jar benchmarks/target/tunelab-benchmarks.jar]

`run` writes JSON: {"meta": {...}, "results": {FUNCTION: {SAMPLER: {"parallel=P":
{"budget=B": [best value after B trials, per seed]}}}}}.
`check-java` evaluates every function at --points random points (plus the space's two corners)
in Python and through dev.tunelab.benchmarks.quality.TestFunctionValues, and fails (exit 1) when
any value differs by more than 1e-9 relative (1e-12 absolute near zero).
"""
import argparse
import collections
import json
import math
import platform
import subprocess
import sys
import time

import numpy as np
import optuna

# --- spaces: ("float", name, lo, hi, log) | ("int", name, lo, hi, log) | ("cat", name, values)


def cube(d, lo, hi):
    return [("float", "x%d" % (i + 1), lo, hi, False) for i in range(d)]


def vec(p, d):
    return [p["x%d" % (i + 1)] for i in range(d)]


# --- the functions, as in TestFunctions.java (Surjanovic and Bingham's library)

def branin(x1, x2):
    b = 5.1 / (4 * math.pi * math.pi)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    a = x2 - b * x1 * x1 + c * x1 - 6
    return a * a + 10 * (1 - t) * math.cos(x1) + 10


H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H6_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
        [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H6_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
        [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
H3_A = [[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]]
H3_P = [[0.3689, 0.1170, 0.2673], [0.4699, 0.4387, 0.7470], [0.1091, 0.8732, 0.5547], [0.0381, 0.5743, 0.8828]]


def hartmann(x, a, p):
    s = 0.0
    for i in range(4):
        e = sum(a[i][j] * (x[j] - p[i][j]) ** 2 for j in range(len(x)))
        s -= H_ALPHA[i] * math.exp(-e)
    return s


def ackley(x):
    d = len(x)
    s1 = sum(v * v for v in x)
    s2 = sum(math.cos(2 * math.pi * v) for v in x)
    return -20 * math.exp(-0.2 * math.sqrt(s1 / d)) - math.exp(s2 / d) + 20 + math.e


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    s = math.sin(math.pi * w[0]) ** 2
    for i in range(len(x) - 1):
        s += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return s + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def six_hump_camel(x1, x2):
    return (4 - 2.1 * x1 ** 2 + x1 ** 4 / 3) * x1 ** 2 + x1 * x2 + (-4 + 4 * x2 ** 2) * x2 ** 2


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v ** 2 + 5 * v for v in x) / 2


def rastrigin(x):
    return 10.0 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def griewank(x):
    s = sum(v * v / 4000 for v in x)
    p = 1.0
    for i, v in enumerate(x):
        p *= math.cos(v / math.sqrt(i + 1))
    return s - p + 1


SCHWEFEL_CONSTANT = 418.9828872724338


def schwefel(x):
    return SCHWEFEL_CONSTANT * len(x) - sum(v * math.sin(math.sqrt(abs(v))) for v in x)


def michalewicz(x):
    return -sum(math.sin(v) * math.sin((i + 1) * v * v / math.pi) ** 20 for i, v in enumerate(x))


def dixon_price(x):
    return (x[0] - 1) ** 2 + sum((i + 1) * (2 * x[i] ** 2 - x[i - 1]) ** 2 for i in range(1, len(x)))


def zakharov(x):
    w = sum(0.5 * (i + 1) * v for i, v in enumerate(x))
    return sum(v * v for v in x) + w ** 2 + w ** 4


SHEKEL_BETA = [0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5]
# Dixon and Szegő's centres (the seventh is (5, 5, 3, 3)), as TestFunctions.java
SHEKEL_C = [[4, 4, 4, 4], [1, 1, 1, 1], [8, 8, 8, 8], [6, 6, 6, 6], [3, 7, 3, 7],
            [2, 9, 2, 9], [5, 5, 3, 3], [8, 1, 8, 1], [6, 2, 6, 2], [7, 3.6, 7, 3.6]]


def shekel(x):
    return -sum(1 / (SHEKEL_BETA[i] + sum((x[j] - c[j]) ** 2 for j in range(4))) for i, c in enumerate(SHEKEL_C))


MIXED_OFFSET = {"relu": 0.0, "tanh": 0.3, "sigmoid": 1.0, "linear": 2.0}
CAT_OPTIMIZERS = ["sgd", "adam", "rmsprop", "adagrad"]
CAT_BOOSTERS = ["gbtree", "dart", "gblinear"]
CAT_PENALTY = [[0.8, 0.5, 1.5], [0.3, 0.0, 1.2], [0.4, 0.6, 1.0], [1.1, 0.9, 2.0]]


def mixed(p):
    l = math.log(p["n"]) / math.log(2) - 2
    return branin(p["x1"], p["x2"]) + 0.5 * l * l + MIXED_OFFSET[p["activation"]]


def camelcat(p):
    return six_hump_camel(p["x1"], p["x2"]) + \
        CAT_PENALTY[CAT_OPTIMIZERS.index(p["optimizer"])][CAT_BOOSTERS.index(p["booster"])]


BRANIN_SPACE = [("float", "x1", -5, 10, False), ("float", "x2", 0, 15, False)]
CAMEL_SPACE = [("float", "x1", -3, 3, False), ("float", "x2", -2, 2, False)]

# name -> (space, function of the parameter dict, known optimum); same order as TestFunctions.java
FUNCTIONS = collections.OrderedDict([
    ("branin", (BRANIN_SPACE, lambda p: branin(p["x1"], p["x2"]), 0.397887)),
    ("hartmann6", (cube(6, 0, 1), lambda p: hartmann(vec(p, 6), H6_A, H6_P), -3.32237)),
    ("hartmann3", (cube(3, 0, 1), lambda p: hartmann(vec(p, 3), H3_A, H3_P), -3.86278)),
    ("ackley5", (cube(5, -32.768, 32.768), lambda p: ackley(vec(p, 5)), 0.0)),
    ("rosenbrock4", (cube(4, -5, 10), lambda p: rosenbrock(vec(p, 4)), 0.0)),
    ("levy10", (cube(10, -10, 10), lambda p: levy(vec(p, 10)), 0.0)),
    ("mixed", (BRANIN_SPACE + [("int", "n", 1, 64, True),
                               ("cat", "activation", ["relu", "tanh", "sigmoid", "linear"])], mixed, 0.397887)),
    ("sixhumpcamel", (CAMEL_SPACE, lambda p: six_hump_camel(p["x1"], p["x2"]), -1.0316284534898774)),
    ("styblinskitang4", (cube(4, -5, 5), lambda p: styblinski_tang(vec(p, 4)), -156.66466281508568)),
    ("rastrigin5", (cube(5, -5.12, 5.12), lambda p: rastrigin(vec(p, 5)), 0.0)),
    ("griewank8", (cube(8, -600, 600), lambda p: griewank(vec(p, 8)), 0.0)),
    ("schwefel4", (cube(4, -500, 500), lambda p: schwefel(vec(p, 4)), 0.0)),
    ("michalewicz5", (cube(5, 0, math.pi), lambda p: michalewicz(vec(p, 5)), -4.687658179088148)),
    ("dixonprice6", (cube(6, -10, 10), lambda p: dixon_price(vec(p, 6)), 0.0)),
    ("zakharov8", (cube(8, -5, 10), lambda p: zakharov(vec(p, 8)), 0.0)),
    ("shekel", (cube(4, 0, 10), lambda p: shekel(vec(p, 4)), -10.536409816692046)),
    ("rastrigin4int", ([("int", "k%d" % (i + 1), -50, 50, False) for i in range(4)],
                       lambda p: rastrigin([p["k%d" % (i + 1)] / 10.0 for i in range(4)]), 0.0)),
    ("camelcat", (CAMEL_SPACE + [("cat", "optimizer", CAT_OPTIMIZERS), ("cat", "booster", CAT_BOOSTERS)],
                  camelcat, -1.0316284534898774)),
])


def suggest(trial, space):
    p = {}
    for r in space:
        if r[0] == "float":
            p[r[1]] = trial.suggest_float(r[1], r[2], r[3], log=r[4])
        elif r[0] == "int":
            p[r[1]] = trial.suggest_int(r[1], r[2], r[3], log=r[4])
        else:
            p[r[1]] = trial.suggest_categorical(r[1], r[2])
    return p


def sampler(name, seed):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "gp":
        return optuna.samplers.GPSampler(seed=seed)
    raise ValueError("unknown sampler '%s'; accepted: tpe, random, gp" % name)


def trajectory(fname, sampler_name, seed, budget, parallel):
    """Best-so-far after each completed trial, with `parallel` trials pending at all times."""
    space, f, _ = FUNCTIONS[fname]
    study = optuna.create_study(direction="minimize", sampler=sampler(sampler_name, seed))
    pending = collections.deque()
    best, traj, started = math.inf, [], 0
    while len(traj) < budget:
        while len(pending) < parallel and started < budget:
            t = study.ask()
            pending.append((t, suggest(t, space)))
            started += 1
        t, p = pending.popleft()
        v = f(p)
        study.tell(t, v)
        best = min(best, v)
        traj.append(best)
    return traj


def run(args):
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    names = list(FUNCTIONS) if args.functions == "all" else args.functions.split(",")
    for n in names:
        if n not in FUNCTIONS:
            sys.exit("--functions: unknown function '%s'; accepted: all or %s" % (n, ", ".join(FUNCTIONS)))
    budgets = [int(b) for b in args.budgets.split(",")]
    if any(b < 1 or b > args.budget for b in budgets):
        sys.exit("--budgets %s: each must be from 1 to --budget %d" % (args.budgets, args.budget))
    parallels = [int(p) for p in args.parallel.split(",")]
    samplers = ["tpe", "random"]
    gp = hasattr(optuna.samplers, "GPSampler")
    if gp:
        samplers.append("gp")
    meta = {"optuna": optuna.__version__, "python": platform.python_version(), "numpy": np.__version__,
            "seeds": list(range(args.seeds)), "budget": args.budget, "budgets": budgets, "parallel": parallels,
            "samplers": {"tpe": "TPESampler(seed=s), Optuna defaults: multivariate=False, n_startup_trials=10, "
                                "constant_liar=False",
                         "random": "RandomSampler(seed=s)",
                         "gp": "GPSampler(seed=s)" if gp else "not available (optuna.samplers.GPSampler missing)"},
            "parallel_simulation": "ask P trials, then tell the oldest pending and ask one more, P pending",
            "seconds": {}}
    results = collections.OrderedDict()
    for n in names:
        results[n] = collections.OrderedDict()
        for s in samplers:
            results[n][s] = collections.OrderedDict()
            for par in parallels:
                t0 = time.time()
                trajs = [trajectory(n, s, seed, args.budget, par) for seed in range(args.seeds)]
                secs = time.time() - t0
                meta["seconds"]["%s/%s/parallel=%d" % (n, s, par)] = round(secs, 2)
                results[n][s]["parallel=%d" % par] = collections.OrderedDict(
                    ("budget=%d" % b, [t[b - 1] for t in trajs]) for b in budgets)
                med = float(np.median([t[-1] for t in trajs]))
                print("%s %s parallel %d: median best %.6g after %d trials (%.1f s)"
                      % (n, s, par, med, args.budget, secs), file=sys.stderr, flush=True)
    meta["optima"] = {n: FUNCTIONS[n][2] for n in names}
    doc = {"meta": meta, "results": results}
    text = json.dumps(doc, indent=1)
    if args.out:
        with open(args.out, "w") as fh:
            fh.write(text + "\n")
    else:
        print(text)


def random_points(space, k, rng):
    pts = []
    for _ in range(k):
        p = {}
        for r in space:
            if r[0] == "float":
                lo, hi = r[2], r[3]
                p[r[1]] = float(math.exp(rng.uniform(math.log(lo), math.log(hi))) if r[4] else rng.uniform(lo, hi))
            elif r[0] == "int":
                p[r[1]] = int(rng.integers(r[2], r[3] + 1))
            else:
                p[r[1]] = r[2][int(rng.integers(len(r[2])))]
        pts.append(p)
    for corner in (2, 3):  # every range at its lowest, then its highest (first / last categorical)
        pts.append({r[1]: (r[corner] if r[0] != "cat" else r[2][0 if corner == 2 else -1]) for r in space})
    return pts


def check_java(args):
    rng = np.random.default_rng(args.seed)
    lines, expected = [], []
    for n, (space, f, _) in FUNCTIONS.items():
        for p in random_points(space, args.points, rng):
            text = " ".join("%s=%s" % (k, repr(float(v)) if isinstance(v, float) else v) for k, v in p.items())
            lines.append("%s %s" % (n, text))
            expected.append((n, f(p), text))
    cmd = ["java", "-cp", args.jar, "dev.tunelab.benchmarks.quality.TestFunctionValues"]
    out = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(cmd), out.returncode, out.stderr.strip()))
    got = [float(v) for v in out.stdout.split()]
    if len(got) != len(expected):
        sys.exit("Java printed %d values for %d points" % (len(got), len(expected)))
    worst = collections.OrderedDict((n, 0.0) for n in FUNCTIONS)
    bad = []
    for (n, py, text), j in zip(expected, got):
        diff = abs(py - j)
        rel = diff / max(abs(py), abs(j)) if diff > 0 else 0.0
        worst[n] = max(worst[n], rel)
        if diff > 1e-12 and rel > 1e-9:
            bad.append("%s %s: Python %r, Java %r (relative %.3g)" % (n, text, py, j, rel))
    print("Java vs Python at %d points per function (%d random + 2 corners, numpy seed %d):"
          % (args.points + 2, args.points, args.seed))
    for n, w in worst.items():
        print("  %-16s largest relative difference %.3g" % (n, w))
    if bad:
        print("\n".join(bad[:20]), file=sys.stderr)
        sys.exit("%d of %d values differ by more than 1e-9 relative" % (len(bad), len(expected)))
    print("OK: all %d values agree to 1e-9 relative" % len(expected))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="minimise every function with Optuna's samplers")
    r.add_argument("--seeds", type=int, default=20)
    r.add_argument("--budget", type=int, default=50)
    r.add_argument("--budgets", default="20,50")
    r.add_argument("--parallel", default="1,3")
    r.add_argument("--functions", default="all")
    r.add_argument("--out")
    c = sub.add_parser("check-java", help="compare with TuneLab's TestFunctionValues")
    c.add_argument("--points", type=int, default=50)
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--jar", default="benchmarks/target/tunelab-benchmarks.jar")
    args = ap.parse_args()
    if args.cmd == "run":
        if args.seeds < 1 or args.budget < 1:
            sys.exit("--seeds %d and --budget %d must be >= 1" % (args.seeds, args.budget))
        run(args)
    else:
        check_java(args)


if __name__ == "__main__":
    main()
