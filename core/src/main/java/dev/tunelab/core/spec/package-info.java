/**
 * SageMaker-shaped job specs (CreateTrainingJob, CreateHyperParameterTuningJob) parsed into typed
 * records and validated with messages that name the field, the value and what is accepted.
 */
package dev.tunelab.core.spec;
