#!/usr/bin/python3
"""Makes the fixed inputs and the expected values of MetricsAgainstScikitLearnTest.

Run from this folder with Debian's python3-sklearn (scikit-learn 1.2.1, numpy 1.24.2 when the
committed files were made):  /usr/bin/python3 make_expected.py

Writes binary.csv (label, margin), multiclass.csv (label, one probability per class),
regression.csv (label, prediction) and expected.csv (file, metric, value). Every metric is what
SageMaker's XGBoost container computes in metrics/custom_metrics.py (scikit-learn on the class
that margin_to_class_label gives: margin > 0 for one output per row, argmax for several), plus
the scores `tunelab transform --labels` prints (auc, logloss, mlogloss).
"""
import numpy as np
from sklearn import metrics as m

rng = np.random.default_rng(20261202)


def write(name, rows):
    with open(name, "w") as f:
        for r in rows:
            f.write(",".join(repr(float(v)) for v in r) + "\n")


# binary: 60 rows, labels 0/1, margins rounded to one decimal so that AUC meets ties
yb = rng.integers(0, 2, 60).astype(float)
margin = np.round(rng.normal(0, 1.2, 60) + 1.1 * (yb - 0.5), 1)
write("binary.csv", np.column_stack([yb, margin]))
cb = (margin > 0).astype(int)
pb = 1 / (1 + np.exp(-margin))

# multiclass: 50 rows, labels 0..2, four probability columns: class 3 is predicted but never a label
ym = rng.integers(0, 3, 50).astype(float)
raw = rng.normal(0, 1, (50, 4))
raw[np.arange(50), ym.astype(int)] += 1.0
raw[:, 3] += 0.2
prob = np.exp(raw) / np.exp(raw).sum(axis=1, keepdims=True)
write("multiclass.csv", np.column_stack([ym, prob]))
cm = np.argmax(prob, axis=-1)

# regression: 40 rows
yr = rng.normal(20, 8, 40)
pr = yr + rng.normal(0, 3, 40)
write("regression.csv", np.column_stack([yr, pr]))

out = []


def classes(file, y, c):
    out.append((file, "accuracy", m.accuracy_score(y, c)))
    out.append((file, "balanced_accuracy", m.balanced_accuracy_score(y, c)))
    out.append((file, "f1", m.f1_score(y, c, average="macro")))
    out.append((file, "f1_macro", m.f1_score(y, c, average="macro")))
    out.append((file, "precision_macro", m.precision_score(y, c, average="macro")))
    out.append((file, "precision_micro", m.precision_score(y, c, average="micro")))
    out.append((file, "recall_macro", m.recall_score(y, c, average="macro")))
    out.append((file, "recall_micro", m.recall_score(y, c, average="micro")))


classes("binary", yb, cb)
out.append(("binary", "f1_binary", m.f1_score(yb, cb, average="binary")))
out.append(("binary", "precision", m.precision_score(yb, cb)))
out.append(("binary", "recall", m.recall_score(yb, cb)))
out.append(("binary", "auc", m.roc_auc_score(yb, pb)))
out.append(("binary", "logloss", m.log_loss(yb, pb)))
classes("multiclass", ym, cm)
out.append(("multiclass", "mlogloss", m.log_loss(ym, prob, labels=[0, 1, 2, 3])))
out.append(("regression", "mse", m.mean_squared_error(yr, pr)))
out.append(("regression", "rmse", np.sqrt(m.mean_squared_error(yr, pr))))
out.append(("regression", "mae", m.mean_absolute_error(yr, pr)))
out.append(("regression", "r2", m.r2_score(yr, pr)))

with open("expected.csv", "w") as f:
    for file, name, value in out:
        f.write("%s,%s,%r\n" % (file, name, float(value)))
