/**
 * Tuning jobs: validation of a tuning spec against its trainer ({@code TuningJobRunner}), and the
 * scheduler that keeps up to MaxParallelTrainingJobs training jobs running with pending-aware
 * proposals, resuming a tuning job after its process died. The scheduler's parts each have one
 * job: {@code JobTally} counts finished training jobs and tracks the best, {@code CompletionRules}
 * applies TuningJobCompletionCriteria, {@code StopConditions} sees stop requests, Ctrl-C and
 * MaxRuntimeInSeconds, and {@code EarlyStopping} judges every round (Auto, Hyperband). The
 * trainer and the clock are injected, so all of it is tested with a fake trainer.
 */
package dev.tunelab.core.tuning;
