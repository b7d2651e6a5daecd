#!/usr/bin/python3
"""Writes the bundled classification data sets in SageMaker's CSV format (label first, no header).

Run from this folder with Debian's python3-sklearn (scikit-learn 1.2.1 made the committed files):
    /usr/bin/python3 make_classification_data.py

breast-cancer/  UCI Breast Cancer Wisconsin (Diagnostic), 569 rows, 30 features, as scikit-learn
                ships it (sklearn/datasets/data/breast_cancer.csv); label 1 = malignant, 0 = benign
                (scikit-learn's target is 0 = malignant, so it is flipped: the positive class of
                F1 is the diagnosis looked for).
wine/           UCI Wine, 178 rows, 13 features, three cultivars: labels 0, 1, 2 as scikit-learn
                ships it (sklearn/datasets/data/wine_data.csv).

Each is split 60/20/20 into train.csv, validation.csv and test.csv, stratified by label, with
scikit-learn's train_test_split and random_state 42; test-features.csv and test-labels.csv hold
the test split without and with only the label, for `tunelab transform --labels`.
"""
import os

import numpy as np
from sklearn.datasets import load_breast_cancer, load_wine
from sklearn.model_selection import train_test_split

SEED = 42


def number(v):
    return repr(float(v)) if v != int(v) else str(int(v))


def write(path, rows):
    with open(path, "w") as f:
        for r in rows:
            f.write(",".join(number(v) for v in r) + "\n")


def split(name, x, y):
    os.makedirs(name, exist_ok=True)
    x_train, x_rest, y_train, y_rest = train_test_split(x, y, test_size=0.4, random_state=SEED, stratify=y)
    x_val, x_test, y_val, y_test = train_test_split(x_rest, y_rest, test_size=0.5, random_state=SEED,
                                                    stratify=y_rest)
    for part, xs, ys in (("train", x_train, y_train), ("validation", x_val, y_val), ("test", x_test, y_test)):
        write(os.path.join(name, part + ".csv"), np.column_stack([ys, xs]))
    write(os.path.join(name, "test-features.csv"), x_test)
    write(os.path.join(name, "test-labels.csv"), y_test.reshape(-1, 1))
    print(name, len(y_train), len(y_val), len(y_test), np.bincount(y_train.astype(int)))


cancer = load_breast_cancer()
split("breast-cancer", cancer.data, 1 - cancer.target)
wine = load_wine()
split("wine", wine.data, wine.target)
