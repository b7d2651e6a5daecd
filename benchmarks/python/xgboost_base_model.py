#!/usr/bin/python3
"""Trains the course's base XGBoost model on Boston housing with Python's xgboost, as a peer
measurement for TuneLab's built-in XGBoost4J trainer.

Usage:
  /usr/bin/python3 benchmarks/python/xgboost_base_model.py --data /work/shared/data/boston.csv --out DIR
        [--repeats 5] [--check-model MODEL.json]
  /usr/bin/python3 benchmarks/python/xgboost_base_model.py --out DIR --existing   # TuneLab's split files

Writes DIR/train.csv and DIR/validation.csv (SageMaker's format: label first, no header) from the
course's split (test_size=0.33 twice; random_state=0 here so the split is reproducible), trains
with the course's base hyperparameters (max_depth 5, eta 0.2, gamma 4, min_child_weight 6,
subsample 0.8, reg:squarederror, 200 rounds, early stopping 10 on validation-rmse, one thread,
tree_method exact which is what 'auto' picks for this size in xgboost 1.7), and prints the first
(cold) training time and the median of --repeats warm ones, in milliseconds.
With --check-model, also loads a model saved by TuneLab and prints its validation RMSE and its
predictions' digest, to compare with the Java side.
Needs Debian's python3-xgboost (1.7.4) and python3-sklearn (1.2.1).
"""
import argparse
import hashlib
import os
import statistics
import time

import numpy as np
import xgboost as xgb
from sklearn.model_selection import train_test_split

PARAMS = {"max_depth": 5, "eta": 0.2, "gamma": 4, "min_child_weight": 6, "subsample": 0.8,
          "objective": "reg:squarederror", "eval_metric": "rmse", "nthread": 1,
          "tree_method": "exact", "verbosity": 0, "seed": 0}


def split(path, out):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, y = data[:, :-1], data[:, -1]
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.33, random_state=0)
    x_train, x_val, y_train, y_val = train_test_split(x_train, y_train, test_size=0.33, random_state=0)
    os.makedirs(out, exist_ok=True)
    np.savetxt(os.path.join(out, "train.csv"), np.column_stack([y_train, x_train]), delimiter=",", fmt="%.10g")
    np.savetxt(os.path.join(out, "validation.csv"), np.column_stack([y_val, x_val]), delimiter=",", fmt="%.10g")
    np.savetxt(os.path.join(out, "test.csv"), x_test, delimiter=",", fmt="%.10g")


def load(path):
    d = np.loadtxt(path, delimiter=",")
    return d[:, 1:], d[:, 0]


def train_once(dtrain, dval):
    t0 = time.perf_counter()
    bst = xgb.train(PARAMS, dtrain, num_boost_round=200, evals=[(dtrain, "train"), (dval, "validation")],
                    early_stopping_rounds=10, verbose_eval=False)
    return (time.perf_counter() - t0) * 1000, bst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/boston.csv")
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--check-model")
    ap.add_argument("--existing", action="store_true",
                    help="use the train.csv/validation.csv already in --out (e.g. written by "
                         "`tunelab datasets boston --out DIR`) instead of making a split")
    a = ap.parse_args()
    if not a.existing:
        split(a.data, a.out)
    x_tr, y_tr = load(os.path.join(a.out, "train.csv"))
    x_va, y_va = load(os.path.join(a.out, "validation.csv"))
    dtrain = xgb.DMatrix(x_tr, label=y_tr)
    dval = xgb.DMatrix(x_va, label=y_va)
    cold, bst = train_once(dtrain, dval)
    warm = [train_once(dtrain, dval)[0] for _ in range(a.repeats)]
    print(f"xgboost {xgb.__version__}: train {x_tr.shape}, validation {x_va.shape}")
    print(f"best_iteration {bst.best_iteration} rounds_trained {bst.num_boosted_rounds()} "
          f"best validation-rmse {bst.best_score:.6g}")
    print(f"cold_ms {cold:.1f} warm_median_ms {statistics.median(warm):.1f} warm_all_ms "
          + " ".join(f"{w:.1f}" for w in warm))
    if a.check_model:
        m = xgb.Booster(model_file=a.check_model)
        p = m.predict(xgb.DMatrix(x_va))
        rmse = float(np.sqrt(np.mean((p - y_va) ** 2)))
        print(f"check_model rounds {m.num_boosted_rounds()} validation_rmse {rmse:.6g} "
              f"attrs {m.attributes()} sha256(float32 preds) {hashlib.sha256(p.astype(np.float32).tobytes()).hexdigest()[:16]}")
        np.savetxt(os.path.join(a.out, "python_predictions.txt"), p, fmt="%.9g")


if __name__ == "__main__":
    main()
