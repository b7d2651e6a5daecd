/** SageMaker-shaped responses (DescribeTrainingJob, DescribeHyperParameterTuningJob, list summaries) built from the store. */
package dev.tunelab.core.api;
