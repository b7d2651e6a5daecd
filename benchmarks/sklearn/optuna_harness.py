#!/usr/bin/python3
"""Optuna peer for the sklearn problems (problems.py): the same objective function and the same
search space as TuneLab's specs, tuned with Optuna's TPE and Random samplers, as TuneLab runs a
tuning job with MaxParallelTrainingJobs 3 in its default (in-order) mode.

Parallelism as TuneLab's: trials 1..3 are asked before any is told, and trial k is asked once
trials 1..k-3 are told (tell the oldest, ask one more), so every suggestion after the first three
is made with 3 trials pending (Optuna 3.1's TPE ignores pending trials: constant_liar is off by
default). Trials are evaluated in-process, one after the other: parallelism changes what each
suggestion knows, not the scores, and the objective is deterministic.

Optuna 3.1.0 (Debian's python3-optuna) has no GPSampler (it arrived in Optuna 3.6), so there is no
Gaussian-process peer to TuneLab's Bayesian strategy here; TPE (default n_startup_trials=10) and
Random are the two samplers. Seeds: sampler seed s, as TuneLab's RandomSeed s.

Usage (from the repository root):
  /usr/bin/python3 benchmarks/sklearn/optuna_harness.py --problems all --seeds 1-10 --out FILE.jsonl
  /usr/bin/python3 benchmarks/sklearn/optuna_harness.py --problems course --course-data DIR --seeds 1-10
--problems: comma-separated names of problems.py, `all` for the six, or `course` (the course's
XGBoost Boston problem, objective from benchmarks/python/optuna_course_tpe.py on DIR/train.csv and
DIR/validation.csv, written by `./tunelab datasets boston --out DIR --seed 0`).
Writes one JSON line per (problem, sampler, seed): best value, its trial number, wall seconds.
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import problems  # noqa: E402

SAMPLERS = ("tpe", "random")


def seeds(text):
    out = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        try:
            a, b = int(lo), int(hi or lo)
        except ValueError:
            raise argparse.ArgumentTypeError(f"--seeds: got '{text}', accepted: e.g. 1-10 or 1,2,5") from None
        if a < 0 or b < a:
            raise argparse.ArgumentTypeError(f"--seeds: got '{text}', accepted: ascending non-negative ranges")
        out.extend(range(a, b + 1))
    return out


def suggest(trial, space):
    h = {}
    for name, s in space.items():
        if s[0] == "float":
            h[name] = trial.suggest_float(name, s[1], s[2], log=s[3])
        elif s[0] == "int":
            h[name] = trial.suggest_int(name, s[1], s[2])
        else:
            h[name] = trial.suggest_categorical(name, list(s[1]))
    return h


def course_problem(data):
    """The course problem as (space, direction, objective), with optuna_course_tpe.py's train()."""
    sys.path.insert(0, os.path.join(HERE, "..", "python"))
    import optuna_course_tpe as course
    dtrain = course.load(os.path.join(data, "train.csv"))
    dval = course.load(os.path.join(data, "validation.csv"))
    space = {"max_depth": ("int", 3, 12), "eta": ("float", 0.05, 0.5, False),
             "min_child_weight": ("int", 2, 8), "subsample": ("float", 0.5, 0.9, False),
             "gamma": ("float", 0.0, 10.0, False)}
    return space, "Minimize", lambda h: float(course.train(h, dtrain, dval)[0])


def run(space, direction, objective, sampler, seed, trials, parallel):
    import optuna
    make = {"tpe": optuna.samplers.TPESampler, "random": optuna.samplers.RandomSampler}[sampler]
    study = optuna.create_study(direction=direction.lower(), sampler=make(seed=seed))
    pending = []
    asked = 0
    t0 = time.perf_counter()
    while asked < min(parallel, trials):
        t = study.ask()
        pending.append((t, objective(suggest(t, space))))
        asked += 1
    while pending:
        t, v = pending.pop(0)
        study.tell(t, v)
        if asked < trials:
            n = study.ask()
            pending.append((n, objective(suggest(n, space))))
            asked += 1
    return study.best_value, study.best_trial.number + 1, time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--problems", default="all")
    ap.add_argument("--seeds", type=seeds, default=seeds("1-10"))
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--parallel", type=int, default=3)
    ap.add_argument("--samplers", default=",".join(SAMPLERS))
    ap.add_argument("--course-data", help="folder with train.csv and validation.csv (for --problems course)")
    ap.add_argument("--out", help="append JSON lines here (default: stdout)")
    a = ap.parse_args()
    names = []
    for n in a.problems.split(","):
        names.extend(problems.PROBLEMS if n == "all" else [n])
    for n in names:
        if n != "course" and n not in problems.PROBLEMS:
            ap.error(f"--problems: got '{n}', accepted: all, course, {', '.join(problems.PROBLEMS)}")
    if "course" in names and not (a.course_data and os.path.isfile(os.path.join(a.course_data, "train.csv"))):
        ap.error(f"--course-data: got '{a.course_data}', accepted: a folder with train.csv and validation.csv "
                 "(./tunelab datasets boston --out DIR --seed 0)")
    samplers = a.samplers.split(",")
    for s in samplers:
        if s not in SAMPLERS:
            ap.error(f"--samplers: got '{s}', accepted: {', '.join(SAMPLERS)}")
    if a.trials < 1 or a.parallel < 1:
        ap.error(f"--trials/--parallel: got {a.trials}/{a.parallel}, accepted: integers >= 1")
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    out = open(a.out, "a") if a.out else sys.stdout
    for name in names:
        if name == "course":
            space, direction, f = course_problem(a.course_data)
        else:
            p = problems.PROBLEMS[name]
            space, direction = p["space"], p["direction"]
            f = (lambda pn: lambda h: problems.objective(pn, h))(name)
        for seed in a.seeds:
            for s in samplers:
                best, at, wall = run(space, direction, f, s, seed, a.trials, a.parallel)
                out.write(json.dumps({"problem": name, "method": "optuna-" + s, "seed": seed, "best": best,
                                      "direction": direction, "best_trial": at, "trials": a.trials, "parallel": a.parallel,
                                      "wall_s": round(wall, 3), "optuna": optuna.__version__}) + "\n")
                out.flush()


if __name__ == "__main__":
    main()
