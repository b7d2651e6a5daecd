/**
 * Tuning jobs: validation of a tuning spec against its trainer, the scheduler that keeps up to
 * MaxParallelTrainingJobs training jobs running with pending-aware proposals, stop requests,
 * time limits, and resuming a tuning job after its process died.
 */
package dev.tunelab.core.tuning;
