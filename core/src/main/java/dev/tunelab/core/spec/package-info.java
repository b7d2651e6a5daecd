/**
 * SageMaker-shaped job specs (CreateTrainingJob, CreateHyperParameterTuningJob) parsed into typed
 * records and validated with messages that name the field, the value and what is accepted.
 *
 * <p>What depends on the algorithm (channels, metrics, the final-metric rule, Hyperband's resource,
 * the trainer) is asked of its {@link dev.tunelab.core.spec.AlgorithmContract}, implemented beside
 * each trainer and found through {@link dev.tunelab.core.spec.AlgorithmProvider}; this package
 * depends on {@code core.train} (the trainer abstraction) but not on any trainer.
 */
package dev.tunelab.core.spec;
