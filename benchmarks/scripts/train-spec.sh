#!/usr/bin/env bash
# Writes the CreateTrainingJob spec of the loading benchmark for DATA_DIR to stdout:
# tree_method (default hist), num_round 100, nthread 2, train + validation channels, the image
# tag given (default the course's xgboost:1).
# Usage: benchmarks/scripts/train-spec.sh DATA_DIR [TREE_METHOD] [ROUNDS] [IMAGE_TAG] > spec.json
set -euo pipefail
data=$(cd "$1" && pwd)
tm=${2:-hist}
rounds=${3:-100}
tag=${4:-1}
cat <<JSON
{
  "TrainingJobName": "load-bench",
  "AlgorithmSpecification": {"TrainingImage": "811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:$tag", "TrainingInputMode": "File"},
  "RoleArn": "arn:aws:iam::000000000000:role/not-needed-locally",
  "HyperParameters": {"objective": "reg:squarederror", "num_round": "$rounds", "nthread": "2"$( [ "$tm" = auto ] || printf ', "tree_method": "%s"' "$tm")},
  "InputDataConfig": [
    {"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "file://$data/train.csv", "S3DataDistributionType": "FullyReplicated"}}, "ContentType": "text/csv", "CompressionType": "None"},
    {"ChannelName": "validation", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "file://$data/validation.csv", "S3DataDistributionType": "FullyReplicated"}}, "ContentType": "text/csv", "CompressionType": "None"}
  ],
  "OutputDataConfig": {"S3OutputPath": "s3://tunelab-local/load-bench/output"},
  "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 5},
  "StoppingCondition": {"MaxRuntimeInSeconds": 86400}
}
JSON
