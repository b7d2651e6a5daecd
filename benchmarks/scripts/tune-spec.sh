#!/usr/bin/env bash
# Writes a CreateHyperParameterTuningJob spec for the loading benchmark's data in DATA_DIR to
# stdout: JOBS training jobs, PARALLEL at a time, Bayesian with RandomSeed 1, tree_method hist,
# num_round 100 with early stopping after 10, tuning eta, max_depth, subsample and
# min_child_weight on validation:rmse. The data are parsed once and shared by every job.
# Usage: benchmarks/scripts/tune-spec.sh DATA_DIR [JOBS] [PARALLEL] > spec.json
set -euo pipefail
data=$(cd "$1" && pwd)
jobs=${2:-10}
parallel=${3:-2}
cat <<JSON
{
  "HyperParameterTuningJobName": "load-bench-tuning",
  "HyperParameterTuningJobConfig": {
    "Strategy": "Bayesian",
    "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "validation:rmse"},
    "ResourceLimits": {"MaxNumberOfTrainingJobs": $jobs, "MaxParallelTrainingJobs": $parallel},
    "ParameterRanges": {
      "IntegerParameterRanges": [
        {"Name": "max_depth", "MinValue": "3", "MaxValue": "10"},
        {"Name": "min_child_weight", "MinValue": "1", "MaxValue": "10"}
      ],
      "ContinuousParameterRanges": [
        {"Name": "eta", "MinValue": "0.05", "MaxValue": "0.5"},
        {"Name": "subsample", "MinValue": "0.5", "MaxValue": "1"}
      ]
    },
    "RandomSeed": 1
  },
  "TrainingJobDefinition": {
    "StaticHyperParameters": {"objective": "reg:squarederror", "num_round": "100", "early_stopping_rounds": "10", "tree_method": "hist"},
    "AlgorithmSpecification": {"TrainingImage": "811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1", "TrainingInputMode": "File"},
    "InputDataConfig": [
      {"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "file://$data/train.csv"}}, "ContentType": "text/csv"},
      {"ChannelName": "validation", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "file://$data/validation.csv"}}, "ContentType": "text/csv"}
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://tunelab-local/load-bench-tuning/output"},
    "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 5},
    "StoppingCondition": {"MaxRuntimeInSeconds": 86400}
  }
}
JSON
