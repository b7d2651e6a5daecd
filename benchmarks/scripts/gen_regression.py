#!/usr/bin/python3
"""Writes a seeded regression data set in SageMaker's CSV layout (label first, no header).

Usage: /usr/bin/python3 benchmarks/scripts/gen_regression.py OUT_DIR [--rows 200000] [--cols 50]
Writes OUT_DIR/train.csv (80 % of the rows) and OUT_DIR/validation.csv (20 %). Features are
standard normal, printed with 6 decimals (about 9 bytes a cell, like the issue's 93 MB for
200,000 x 51 cells); the label is a fixed linear + non-linear function of them plus noise.
Seed 20260 (numpy's default_rng), so the files are the same on every run.
"""
import argparse
import os

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--rows", type=int, default=200_000)
ap.add_argument("--cols", type=int, default=50)
a = ap.parse_args()
rng = np.random.default_rng(20260)
x = rng.standard_normal((a.rows, a.cols))
w = rng.standard_normal(a.cols)
y = x @ w + np.sin(x[:, 0] * 2) * 3 + x[:, 1] * x[:, 2] + rng.standard_normal(a.rows) * 0.5
data = np.column_stack([y, x])
n_train = a.rows * 4 // 5
os.makedirs(a.out, exist_ok=True)
np.savetxt(os.path.join(a.out, "train.csv"), data[:n_train], fmt="%.6f", delimiter=",")
np.savetxt(os.path.join(a.out, "validation.csv"), data[n_train:], fmt="%.6f", delimiter=",")
