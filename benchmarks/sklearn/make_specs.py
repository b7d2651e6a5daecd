#!/usr/bin/python3
"""Writes one TuneLab tuning spec per problem of problems.py into this folder (<problem>.json):
Bayesian, 20 training jobs, 3 at once, RandomSeed 1 (the suite patches Strategy, RandomSeed and
the name), the command `/usr/bin/python3 train.py` with the static hyperparameter `problem`, and
one MetricDefinitions regex for the problem's metric. `--check` writes nothing and exits 1 if a
committed spec differs from what problems.py says, so the specs cannot drift from the space the
Optuna harness uses.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import problems  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def ranges(space):
    r = {"IntegerParameterRanges": [], "ContinuousParameterRanges": [], "CategoricalParameterRanges": []}
    for name, s in space.items():
        if s[0] == "float":
            r["ContinuousParameterRanges"].append({"Name": name, "MinValue": repr(s[1]), "MaxValue": repr(s[2]),
                                                   "ScalingType": "Logarithmic" if s[3] else "Linear"})
        elif s[0] == "int":
            r["IntegerParameterRanges"].append({"Name": name, "MinValue": str(s[1]), "MaxValue": str(s[2]),
                                                "ScalingType": "Linear"})
        else:
            r["CategoricalParameterRanges"].append({"Name": name, "Values": list(s[1])})
    return r


def spec(name):
    p = problems.PROBLEMS[name]
    metric = p["metric"]
    return {
        "HyperParameterTuningJobName": name,
        "HyperParameterTuningJobConfig": {
            "Strategy": "Bayesian",
            "HyperParameterTuningJobObjective": {"Type": p["direction"], "MetricName": metric},
            "ResourceLimits": {"MaxNumberOfTrainingJobs": 20, "MaxParallelTrainingJobs": 3},
            "ParameterRanges": ranges(p["space"]),
            "TrainingJobEarlyStoppingType": "Off",
            "RandomSeed": 1,
        },
        "TrainingJobDefinition": {
            "StaticHyperParameters": {"problem": name},
            "AlgorithmSpecification": {
                "TrainingInputMode": "File",
                "ContainerEntrypoint": ["/usr/bin/python3", "train.py"],
                "MetricDefinitions": [{"Name": metric, "Regex": metric + "=([-+0-9.eE]+)"}],
            },
            "OutputDataConfig": {"S3OutputPath": f"s3://tunelab-local/sklearn/{name}/output"},
            "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 1},
            "StoppingCondition": {"MaxRuntimeInSeconds": 120},
        },
    }


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name in problems.PROBLEMS:
        text = json.dumps(spec(name), indent=2) + "\n"
        path = os.path.join(HERE, name + ".json")
        if check:
            if not os.path.isfile(path) or open(path).read() != text:
                stale.append(path)
        else:
            with open(path, "w") as f:
                f.write(text)
            print(path)
    if stale:
        print("stale (run make_specs.py): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
