/**
 * Running single training jobs: validation before anything is written, the trainer choice, the
 * recording of a job's log, metrics and outcome in the store, and where the files live.
 */
package dev.tunelab.core.job;
