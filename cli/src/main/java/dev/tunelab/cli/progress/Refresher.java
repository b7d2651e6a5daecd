package dev.tunelab.cli.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tick at a fixed period on one daemon thread ({@code tunelab-progress}) until stopped,
 * so the progress display moves between events and never keeps the JVM alive.
 */
final class Refresher implements AutoCloseable {

  private final ScheduledExecutorService timer;

  /**
   * Starts ticking after one period.
   *
   * @param tick   what to run; an exception it throws is swallowed so later ticks still run
   * @param period time between ticks
   */
  Refresher(Runnable tick, Duration period) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tunelab-progress");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(1, period.toMillis());
    timer.scheduleAtFixedRate(() -> {
      try {
        tick.run();
      } catch (RuntimeException e) {
        // a display problem must not end the refresher, nor the tuning job
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Stops ticking; does not wait for a tick in progress (it may be waiting for the caller's lock). */
  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** True once stopped and no tick is running. */
  boolean isTerminated() {
    return timer.isTerminated();
  }
}
