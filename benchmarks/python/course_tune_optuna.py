#!/usr/bin/python3
"""What a Python user writes to do the course's tuning job: Optuna's TPE, 20 trials, 3 at once
(n_jobs=3, threads), xgboost on the course's split files, each trial's model saved, the best
trial printed. The whole-process comparison (benchmarks/scripts/whole-process.sh) times this
script against `./tunelab tune examples/boston-xgboost-hpo.json`.

Usage: /usr/bin/python3 benchmarks/python/course_tune_optuna.py --data DIR --out DIR
  DIR/train.csv and DIR/validation.csv: label first, no header (`./tunelab datasets boston --out DIR`).
Search space and static settings as the course's spec: max_depth int 3-12, min_child_weight int
2-8, eta 0.05-0.5, subsample 0.5-0.9, gamma 0-10; reg:squarederror, 200 rounds, early stopping
after 10 on the validation set, one XGBoost thread per trial (2 cores, 3 trials at once), TPE
seeded with the spec's RandomSeed (42). Needs Debian's python3-optuna and python3-xgboost.
"""
import argparse
import os

import numpy as np
import optuna
import xgboost as xgb


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--parallel", type=int, default=3)
    a = ap.parse_args()
    train = np.loadtxt(os.path.join(a.data, "train.csv"), delimiter=",")
    val = np.loadtxt(os.path.join(a.data, "validation.csv"), delimiter=",")
    dtrain = xgb.DMatrix(train[:, 1:], label=train[:, 0])
    dval = xgb.DMatrix(val[:, 1:], label=val[:, 0])
    os.makedirs(a.out, exist_ok=True)

    def objective(trial):
        params = {
            "objective": "reg:squarederror", "eval_metric": "rmse", "nthread": 1, "verbosity": 0,
            "max_depth": trial.suggest_int("max_depth", 3, 12),
            "min_child_weight": trial.suggest_int("min_child_weight", 2, 8),
            "eta": trial.suggest_float("eta", 0.05, 0.5),
            "subsample": trial.suggest_float("subsample", 0.5, 0.9),
            "gamma": trial.suggest_float("gamma", 0.0, 10.0),
        }
        booster = xgb.train(params, dtrain, num_boost_round=200, evals=[(dtrain, "train"), (dval, "validation")],
                            early_stopping_rounds=10, verbose_eval=False)
        booster.save_model(os.path.join(a.out, "trial-%03d.json" % trial.number))
        return booster.best_score

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=42))
    study.optimize(objective, n_trials=a.trials, n_jobs=a.parallel)
    print("best trial %d: validation:rmse %.5f %s" % (study.best_trial.number, study.best_value, study.best_params))


if __name__ == "__main__":
    main()
