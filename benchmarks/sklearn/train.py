#!/usr/bin/python3
"""Bring-your-own training command for the sklearn problems (see problems.py), under SageMaker's
container contract: hyperparameters from $SM_INPUT_CONFIG_DIR/hyperparameters.json (SageMaker's
/opt/ml/input/config when unset), overridden by `--name value` arguments; the static
hyperparameter `problem` picks the problem. Prints `<metric>=<value>` (e.g. cv:accuracy=0.97) for
the spec's MetricDefinitions regex and writes the hyperparameters and score to
$SM_MODEL_DIR/model.json. A bad hyperparameter writes output/failure and exits 2.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import problems  # noqa: E402


def hyperparameters(argv):
    cfg = os.environ.get("SM_INPUT_CONFIG_DIR", "/opt/ml/input/config")
    path = os.path.join(cfg, "hyperparameters.json")
    hp = {}
    if os.path.isfile(path):
        with open(path) as f:
            hp.update(json.load(f))
    i = 0
    while i < len(argv):
        if argv[i].startswith("--") and i + 1 < len(argv):
            hp[argv[i][2:]] = argv[i + 1]
            i += 2
        else:
            i += 1
    return hp


def main():
    hp = hyperparameters(sys.argv[1:])
    problem = hp.pop("problem", "")
    try:
        value = problems.objective(problem, hp)
    except ValueError as e:
        out = os.environ.get("SM_OUTPUT_DIR")
        if out:
            with open(os.path.join(out, "failure"), "w") as f:
                f.write(f"HyperParameters.{e}\n")
        print(f"error: HyperParameters.{e}", file=sys.stderr)
        sys.exit(2)
    print(f"{problems.PROBLEMS[problem]['metric']}={value:.10g}")
    model = os.environ.get("SM_MODEL_DIR")
    if model:
        with open(os.path.join(model, "model.json"), "w") as f:
            json.dump({"problem": problem, "hyperparameters": hp, "score": value}, f)


if __name__ == "__main__":
    main()
