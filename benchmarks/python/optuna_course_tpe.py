#!/usr/bin/python3
"""Optuna reference for TuneLab's CourseQualityReport: the course's XGBoost tuning problem on the
same Boston split, tuned with Optuna's TPE and random samplers, 20 sequential trials per seed.

Usage (from the repository root):
  ./tunelab datasets boston --out /tmp/boston-seed0 --seed 0
  /usr/bin/python3 benchmarks/python/optuna_course_tpe.py --data /tmp/boston-seed0 [--seeds 20] [--trials 20]

Reads DIR/train.csv and DIR/validation.csv (label first, no header). Search space as the course's
spec: max_depth int 3-12, eta float 0.05-0.5, min_child_weight int 2-8, subsample float 0.5-0.9,
gamma float 0-10 (all linear). Static: objective reg:squarederror (reg:linear's new name),
num_boost_round 200, early_stopping_rounds 10 on the validation set, tree_method exact, one
thread, xgboost seed 0. The objective of a trial is the best iteration's validation RMSE
(booster.best_score), which is what TuneLab reports as validation:rmse after early stopping.
For seed s in 1..N: TPESampler(seed=s) (Optuna 3.1 defaults: n_startup_trials=10) and
RandomSampler(seed=s). Prints per-seed bests and min / quartiles (numpy linear, = type 7) /
median / max as markdown, plus the course's base model (max_depth 5, eta 0.2, gamma 4,
min_child_weight 6, subsample 0.8) for reference.
Needs Debian's python3-optuna (3.1.0), python3-xgboost (1.7.4), python3-sklearn.
"""
import argparse
import datetime
import os
import time

import numpy as np
import optuna
import xgboost as xgb

STATIC = {"objective": "reg:squarederror", "eval_metric": "rmse", "tree_method": "exact",
          "nthread": 1, "verbosity": 0, "seed": 0}
BASE = {"max_depth": 5, "eta": 0.2, "gamma": 4, "min_child_weight": 6, "subsample": 0.8}


def load(path):
    d = np.loadtxt(path, delimiter=",")
    return xgb.DMatrix(d[:, 1:], label=d[:, 0])


def train(params, dtrain, dval):
    bst = xgb.train({**STATIC, **params}, dtrain, num_boost_round=200, evals=[(dval, "validation")],
                    early_stopping_rounds=10, verbose_eval=False)
    return bst.best_score, bst.best_iteration


def objective(dtrain, dval):
    def f(trial):
        params = {
            "max_depth": trial.suggest_int("max_depth", 3, 12),
            "eta": trial.suggest_float("eta", 0.05, 0.5),
            "min_child_weight": trial.suggest_int("min_child_weight", 2, 8),
            "subsample": trial.suggest_float("subsample", 0.5, 0.9),
            "gamma": trial.suggest_float("gamma", 0.0, 10.0),
        }
        return train(params, dtrain, dval)[0]
    return f


def summary(values):
    v = np.asarray(values)
    q1, med, q3 = np.percentile(v, [25, 50, 75])
    return len(v), v.min(), q1, med, q3, v.max()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="folder with train.csv and validation.csv")
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--trials", type=int, default=20)
    a = ap.parse_args()
    for f in ("train.csv", "validation.csv"):
        if not os.path.isfile(os.path.join(a.data, f)):
            ap.error(f"--data: {a.data} has no {f}; write it with ./tunelab datasets boston --out {a.data} --seed 0")
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    dtrain = load(os.path.join(a.data, "train.csv"))
    dval = load(os.path.join(a.data, "validation.csv"))
    samplers = {"Optuna TPE": lambda s: optuna.samplers.TPESampler(seed=s),
                "Optuna Random": lambda s: optuna.samplers.RandomSampler(seed=s)}
    best = {k: [] for k in samplers}
    wall = {k: [] for k in samplers}
    for s in range(1, a.seeds + 1):
        for name, make in samplers.items():
            t0 = time.perf_counter()
            study = optuna.create_study(direction="minimize", sampler=make(s))
            study.optimize(objective(dtrain, dval), n_trials=a.trials)
            wall[name].append(time.perf_counter() - t0)
            best[name].append(study.best_value)
    print(f"## optuna_course_tpe.py {datetime.date.today()} (optuna {optuna.__version__}, xgboost {xgb.__version__}, "
          f"{a.trials} trials, seeds 1..{a.seeds}, data {a.data})\n")
    print("Best validation RMSE per seed:\n")
    names = list(samplers)
    print("| seed | " + " | ".join(names) + " |")
    print("| --- " * (len(names) + 1) + "|")
    for i in range(a.seeds):
        print(f"| {i + 1} | " + " | ".join(f"{best[n][i]:.4f}" for n in names) + " |")
    print("\nSummary (best validation RMSE over seeds; quartiles numpy linear = type 7; wall = median seconds per study):\n")
    print("| sampler | n | min | Q1 | median | Q3 | max | wall s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in names:
        c, lo, q1, med, q3, hi = summary(best[n])
        print(f"| {n} | {c} | {lo:.4f} | {q1:.4f} | {med:.4f} | {q3:.4f} | {hi:.4f} | {np.median(wall[n]):.2f} |")
    wins = sum(1 for t, r in zip(best[names[0]], best[names[1]]) if t < r)
    print(f"\nTPE beats Random on {wins} of {a.seeds} seeds.")
    score, it = train(BASE, dtrain, dval)
    print(f"\nCourse base model (max_depth 5, eta 0.2, gamma 4, min_child_weight 6, subsample 0.8), xgboost "
          f"{xgb.__version__}: validation RMSE {score:.4f} at best iteration {it}.")


if __name__ == "__main__":
    main()
