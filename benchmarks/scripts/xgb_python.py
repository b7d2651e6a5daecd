#!/usr/bin/python3
"""The Python peer of one `tunelab train` job: load both CSV files with NumPy, train 100 rounds
of hist with 2 threads watching train and validation, save the model.

Usage: /usr/bin/python3 benchmarks/scripts/xgb_python.py DATA_DIR OUT_MODEL.json [--rounds 100]
Prints 'load_s=.. train_s=.. total_s=..' (seconds, wall clock inside the process).
Needs Debian's python3-xgboost (1.7.4) and python3-numpy.
"""
import argparse
import time

import numpy as np
import xgboost as xgb

ap = argparse.ArgumentParser()
ap.add_argument("data")
ap.add_argument("model")
ap.add_argument("--rounds", type=int, default=100)
ap.add_argument("--tree-method", default="hist")
a = ap.parse_args()
t0 = time.perf_counter()
train = np.loadtxt(a.data + "/train.csv", delimiter=",", dtype=np.float64)
valid = np.loadtxt(a.data + "/validation.csv", delimiter=",", dtype=np.float64)
t1 = time.perf_counter()
dtrain = xgb.DMatrix(train[:, 1:], label=train[:, 0], nthread=2)
dvalid = xgb.DMatrix(valid[:, 1:], label=valid[:, 0], nthread=2)
params = {"objective": "reg:squarederror", "tree_method": a.tree_method, "nthread": 2}
t2 = time.perf_counter()
booster = xgb.train(params, dtrain, a.rounds, evals=[(dtrain, "train"), (dvalid, "validation")],
                    verbose_eval=False)
t3 = time.perf_counter()
booster.save_model(a.model)
t4 = time.perf_counter()
print(f"load_s={t1 - t0:.3f} dmatrix_s={t2 - t1:.3f} train_s={t3 - t2:.3f} total_s={t4 - t0:.3f}")
