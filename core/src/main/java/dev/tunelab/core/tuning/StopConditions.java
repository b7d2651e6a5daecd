package dev.tunelab.core.tuning;

import dev.tunelab.core.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What ends a tuning job from outside its training jobs' results: the interrupt flag (Ctrl-C),
 * a stop requested in the store by any process ({@code stop-hyper-parameter-tuning-job}), and
 * ResourceLimits.MaxRuntimeInSeconds counted from the tuning job's creation time on the given
 * clock. Checked by the scheduler between polls; the store's
 * stop flag is read at most every 50 ms.
 */
final class StopConditions {

  private final JobStore store;
  private final String tuningJob;
  private final AtomicBoolean interrupt;
  private final Duration maxRuntime;
  private final Instant deadline;
  private final Clock clock;
  /** Shortest time between two reads of the store's stop flag (50 ms, the scheduler's poll). */
  private static final long STORE_CHECK_NANOS = 50_000_000L;
  private long lastStoreCheck = System.nanoTime() - STORE_CHECK_NANOS;

  /**
   * @param store      where stop requests are recorded
   * @param tuningJob  the tuning job's name
   * @param interrupt  set by Ctrl-C
   * @param created    the tuning job's creation time
   * @param maxRuntime MaxRuntimeInSeconds, or {@code null} for no limit
   * @param clock      the clock the deadline is checked against
   */
  StopConditions(JobStore store, String tuningJob, AtomicBoolean interrupt, Instant created, Duration maxRuntime,
      Clock clock) {
    this.store = store;
    this.tuningJob = tuningJob;
    this.interrupt = interrupt;
    this.maxRuntime = maxRuntime;
    this.deadline = maxRuntime == null ? null : created.plus(maxRuntime);
    this.clock = clock;
  }

  /** The end that applies now, or {@code null} to go on. */
  TuningEnd check() {
    if (interrupt.get()) {
      return TuningEnd.stopped("Stop requested (interrupt)");
    }
    long now = System.nanoTime();
    if (now - lastStoreCheck >= STORE_CHECK_NANOS) {
      // a read of the store: at most every STORE_CHECK_NANOS, not on every finished job
      lastStoreCheck = now;
      if (store.stopRequested(tuningJob)) {
        return TuningEnd.stopped("Stop requested (stop-hyper-parameter-tuning-job)");
      }
    }
    if (deadline != null && clock.instant().isAfter(deadline)) {
      return TuningEnd.completed("MaxRuntimeInSeconds (" + maxRuntime.toSeconds() + " s) reached");
    }
    return null;
  }
}
