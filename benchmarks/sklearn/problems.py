"""Six Bayesmark-style tuning problems on scikit-learn's bundled data sets, shared by the
bring-your-own training command (train.py, which TuneLab runs once per training job) and the
Optuna harness (optuna_harness.py), so both tune exactly the same function over the same space.

Each problem: a model, a bundled data set, a search space, a cross-validation split with a fixed
seed (shuffle=True, random_state=0) and a metric. Every model that has a random_state gets 0, so
an objective is a deterministic function of its hyperparameters.

Space entries (name -> spec):
  ("float", lo, hi, log)  continuous; log=True is TuneLab's Logarithmic scaling
  ("int", lo, hi)         integer, linear
  ("cat", [values...])    categorical (strings)

Needs Debian's python3-sklearn (1.2.1). Imports of scikit-learn are inside the functions so that a
training job only pays for the estimator it uses (Python start-up is most of a job's time).
"""
import math
import warnings

CV_SEED = 0

PROBLEMS = {
    "svm-digits": {
        "doc": "SVC (RBF) on digits (pixels / 16), 3-fold stratified CV accuracy",
        "metric": "cv:accuracy", "direction": "Maximize",
        "space": {"C": ("float", 1e-2, 1e3, True), "gamma": ("float", 1e-5, 1.0, True)},
    },
    "knn-wine": {
        "doc": ("k-NN on wine, raw features (unscaled, so distances are dominated by a few features and"
                " p and k matter: 3 of the 400 grid points reach the best 0.8143; standardised, 22"
                " reach 0.9832), 5-fold stratified CV accuracy"),
        "metric": "cv:accuracy", "direction": "Maximize",
        "space": {"n_neighbors": ("int", 1, 50), "weights": ("cat", ["uniform", "distance"]),
                  "p": ("int", 1, 4)},
    },
    "mlp-breast-cancer": {
        "doc": "MLPClassifier (adam, max_iter 40) on breast_cancer (standardised), 5-fold stratified CV log loss",
        "metric": "cv:logloss", "direction": "Minimize",
        "space": {"hidden_layer_size": ("int", 4, 128), "alpha": ("float", 1e-5, 10.0, True),
                  "learning_rate_init": ("float", 1e-4, 1e-1, True)},
    },
    "rf-diabetes": {
        "doc": "RandomForestRegressor on diabetes, 5-fold CV RMSE",
        "metric": "cv:rmse", "direction": "Minimize",
        "space": {"n_estimators": ("int", 5, 50), "max_depth": ("int", 1, 15),
                  "max_features": ("float", 0.1, 1.0, False), "min_samples_split": ("int", 2, 40)},
    },
    "lasso-diabetes": {
        "doc": "Lasso on diabetes, 5-fold CV RMSE",
        "metric": "cv:rmse", "direction": "Minimize",
        "space": {"alpha": ("float", 1e-4, 10.0, True), "selection": ("cat", ["cyclic", "random"])},
    },
    "dt-breast-cancer": {
        "doc": "DecisionTreeClassifier on breast_cancer, 5-fold stratified CV accuracy",
        "metric": "cv:accuracy", "direction": "Maximize",
        "space": {"max_depth": ("int", 1, 20), "min_samples_leaf": ("int", 1, 50),
                  "criterion": ("cat", ["gini", "entropy", "log_loss"])},
    },
}


def parse(problem, raw):
    """Typed hyperparameters from strings (as SageMaker passes them); an unknown problem, a missing
    or out-of-range value is an error naming the field, the value and what is accepted."""
    if problem not in PROBLEMS:
        raise ValueError(f"problem: got '{problem}', accepted: {', '.join(PROBLEMS)}")
    out = {}
    for name, spec in PROBLEMS[problem]["space"].items():
        if name not in raw:
            raise ValueError(f"{name}: missing; {problem} needs {', '.join(PROBLEMS[problem]['space'])}")
        v = raw[name]
        if spec[0] == "cat":
            if str(v) not in spec[1]:
                raise ValueError(f"{name}: got '{v}', accepted: {', '.join(spec[1])}")
            out[name] = str(v)
            continue
        try:
            x = float(v)
        except (TypeError, ValueError):
            raise ValueError(f"{name}: got '{v}', accepted: a number in [{spec[1]}, {spec[2]}]") from None
        if not (spec[1] <= x <= spec[2]):
            raise ValueError(f"{name}: got '{v}', accepted: a number in [{spec[1]}, {spec[2]}]")
        if spec[0] == "int":
            if x != math.floor(x):
                raise ValueError(f"{name}: got '{v}', accepted: an integer in [{spec[1]}, {spec[2]}]")
            x = int(x)
        out[name] = x
    return out


def _cv(classifier, n_splits):
    from sklearn.model_selection import KFold, StratifiedKFold
    cls = StratifiedKFold if classifier else KFold
    return cls(n_splits=n_splits, shuffle=True, random_state=CV_SEED)


def _score(model, X, y, cv, scoring):
    from sklearn.model_selection import cross_val_score
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # MLP's ConvergenceWarning at a small max_iter, Lasso's
        return float(cross_val_score(model, X, y, cv=cv, scoring=scoring, n_jobs=1).mean())


def _svm(h):
    from sklearn.datasets import load_digits
    from sklearn.svm import SVC
    X, y = load_digits(return_X_y=True)
    return _score(SVC(C=h["C"], gamma=h["gamma"]), X / 16.0, y, _cv(True, 3), "accuracy")


def _knn(h):
    from sklearn.datasets import load_wine
    from sklearn.neighbors import KNeighborsClassifier
    X, y = load_wine(return_X_y=True)
    m = KNeighborsClassifier(n_neighbors=h["n_neighbors"], weights=h["weights"], p=h["p"])
    return _score(m, X, y, _cv(True, 5), "accuracy")


def _mlp(h):
    from sklearn.datasets import load_breast_cancer
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    X, y = load_breast_cancer(return_X_y=True)
    m = make_pipeline(StandardScaler(), MLPClassifier(
        hidden_layer_sizes=(h["hidden_layer_size"],), alpha=h["alpha"],
        learning_rate_init=h["learning_rate_init"], max_iter=40, random_state=0))
    return -_score(m, X, y, _cv(True, 5), "neg_log_loss")


def _rf(h):
    from sklearn.datasets import load_diabetes
    from sklearn.ensemble import RandomForestRegressor
    X, y = load_diabetes(return_X_y=True)
    m = RandomForestRegressor(n_estimators=h["n_estimators"], max_depth=h["max_depth"],
                              max_features=h["max_features"], min_samples_split=h["min_samples_split"],
                              random_state=0, n_jobs=1)
    return -_score(m, X, y, _cv(False, 5), "neg_root_mean_squared_error")


def _lasso(h):
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import Lasso
    X, y = load_diabetes(return_X_y=True)
    m = Lasso(alpha=h["alpha"], selection=h["selection"], random_state=0, max_iter=5000)
    return -_score(m, X, y, _cv(False, 5), "neg_root_mean_squared_error")


def _dt(h):
    from sklearn.datasets import load_breast_cancer
    from sklearn.tree import DecisionTreeClassifier
    X, y = load_breast_cancer(return_X_y=True)
    m = DecisionTreeClassifier(max_depth=h["max_depth"], min_samples_leaf=h["min_samples_leaf"],
                               criterion=h["criterion"], random_state=0)
    return _score(m, X, y, _cv(True, 5), "accuracy")


_EVAL = {"svm-digits": _svm, "knn-wine": _knn, "mlp-breast-cancer": _mlp, "rf-diabetes": _rf,
         "lasso-diabetes": _lasso, "dt-breast-cancer": _dt}


def objective(problem, raw):
    """The problem's CV metric (in its own direction, see PROBLEMS[problem]['direction']) for the
    hyperparameters raw (strings or numbers), rounded to 10 significant digits: train.py prints
    this value with %.10g, so TuneLab and Optuna see the same number."""
    h = parse(problem, raw)
    return float(f"{_EVAL[problem](h):.10g}")
