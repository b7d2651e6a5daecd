/**
 * The durable record of TuneLab: tuning jobs, training jobs, their statuses and times, per-round
 * metrics and log lines, kept in {@code $TUNELAB_HOME/tunelab.db} (embedded SQLite).
 * {@link dev.tunelab.core.store.JobStore} is the contract (thread safety, immutability, several
 * processes, crash recovery); the records in this package are its immutable snapshots.
 */
package dev.tunelab.core.store;
