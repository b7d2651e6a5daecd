package dev.tunelab.core.process;

import dev.tunelab.core.train.TrainingListener;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Watches one started training process until it ends: feeds its stdout and stderr lines (read
 * concurrently, delivered on the calling thread) to the listener and the metric extractor,
 * polls the stop request (and {@link ProcessTree#shuttingDown()}: Ctrl-C or SIGTERM to TuneLab stops
 * the job, which then ends Stopped), enforces the maximum runtime and stops the whole process tree
 * (SIGTERM, then SIGKILL after a grace period) when asked to. One instance per job.
 */
final class ProcessRun {

  /** How long a job's end waits for its SIGKILLed leftovers to disappear, in milliseconds. */
  static final long REAP_WAIT_MILLIS = 5_000;

  static final long POLL_MILLIS = 100;
  static final long REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
  /** How long to wait for the pipes to close after the process (or the kill) ended. */
  static final long PIPE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final int LAST_LINES = 5;

  private final Process process;
  private final ProcessTree tree;
  private final TrainingListener listener;
  private final MetricExtractor extractor;
  private final BooleanSupplier stopRequested;
  private final long maxRuntimeNanos;
  private final long maxRuntimeSeconds;
  private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
  private final Deque<String> lastLines = new ArrayDeque<>();

  private String stopReason;
  private boolean metricsOpen = true;
  private boolean killed;
  private boolean interrupted;

  ProcessRun(Process process, TrainingListener listener, MetricExtractor extractor,
      BooleanSupplier stopRequested, java.time.Duration maxRuntime, String token, boolean sessionLeader) {
    this.process = process;
    this.tree = new ProcessTree(process, token, sessionLeader);
    this.listener = listener;
    this.extractor = extractor;
    this.stopRequested = stopRequested;
    long nanos;
    try {
      nanos = maxRuntime.toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE;
    }
    this.maxRuntimeNanos = nanos;
    this.maxRuntimeSeconds = maxRuntime.getSeconds();
  }

  /** How the watched process ended. */
  record Result(boolean killed, String stopReason, int exitCode, List<String> lastLines) { }

  /** Watches the process to its end; never leaves a member of its tree running. */
  Result watch(String jobName) {
    tree.register();
    try {
      process.getOutputStream().close();
    } catch (java.io.IOException e) {
      // stdin already closed: nothing to do
    }
    try {
      LinePump.start("tunelab-" + jobName + "-stdout", process.getInputStream(), lines);
      LinePump.start("tunelab-" + jobName + "-stderr", process.getErrorStream(), lines);
      loop();
      Object item;
      while ((item = lines.poll()) != null) { // lines still queued after giving up on the pipes
        if (item != LinePump.EOF) {
          handle((String) item);
        }
      }
      int exit = process.isAlive() ? -1 : process.exitValue();
      return new Result(killed, stopReason, exit, List.copyOf(lastLines));
    } finally {
      if (tree.anyRunning()) { // background children left by a finished or failed job
        tree.signal(true);
        awaitEnd();
      }
      tree.unregister();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Waits (at most {@link #REAP_WAIT_MILLIS}) until the killed processes are really gone, so a
   * job counts as over only when nothing of it runs: the next job of its slot never overlaps it.
   */
  private void awaitEnd() {
    long deadline = System.nanoTime() + REAP_WAIT_MILLIS * 1_000_000L;
    while (tree.anyRunning() && System.nanoTime() < deadline) {
      tree.signal(true); // again: one a former scan of /proc missed is killed now
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void loop() {
    long start = System.nanoTime();
    long nextStopPoll = start;
    long nextRefresh = start;
    long termStart = 0;
    long exitSeen = 0;
    boolean terminating = false;
    boolean forced = false;
    boolean exited = false;
    int eofs = 0;
    while (true) {
      Object item;
      try {
        item = lines.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
        item = null;
        if (stopReason == null) {
          stopReason = "Interrupted: the training thread was interrupted; the job was stopped";
        }
      }
      if (item == LinePump.EOF) {
        eofs++;
      } else if (item != null) {
        handle((String) item);
      }
      long now = System.nanoTime();
      if (stopReason == null && !exited) {
        if (now - start >= maxRuntimeNanos) {
          stopReason = "MaxRuntimeExceeded: the job ran longer than MaxRuntimeInSeconds ("
              + maxRuntimeSeconds + ") and was stopped";
        } else if (now - nextStopPoll >= 0) {
          nextStopPoll = now + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
          if (stopRequested.getAsBoolean()) {
            stopReason = "StopRequested: the job was stopped on request";
          } else if (ProcessTree.shuttingDown()) {
            stopReason = "StopRequested: TuneLab was interrupted (Ctrl-C or SIGTERM); the job was stopped";
          }
        }
      }
      if (now - nextRefresh >= 0) {
        nextRefresh = now + REFRESH_NANOS;
        tree.refresh();
      }
      if (stopReason != null && !terminating) {
        terminating = true;
        termStart = now;
        killed = process.isAlive();
        if (killed) {
          tree.signal(false);
        }
      }
      if (!exited && !process.isAlive()) {
        exited = true;
        exitSeen = now;
      }
      if (exited && eofs >= 2) {
        return;
      }
      if (terminating && !forced && now - termStart > GRACE_NANOS) {
        forced = true;
        tree.signal(true);
      }
      if (terminating && forced && now - termStart > GRACE_NANOS + 2 * PIPE_WAIT_NANOS) {
        return; // not even SIGKILL ended it in time: give up waiting
      }
      if (exited && now - exitSeen > PIPE_WAIT_NANOS) {
        // A background child still holds the pipes open: the job is over, stop it and go.
        if (!forced) {
          forced = true;
          tree.signal(true);
          exitSeen = now - PIPE_WAIT_NANOS / 2;
        } else {
          return;
        }
      }
    }
  }

  private void handle(String line) {
    listener.log(line);
    if (!line.isBlank()) {
      lastLines.addLast(line);
      if (lastLines.size() > LAST_LINES) {
        lastLines.removeFirst();
      }
    }
    if (!metricsOpen) {
      return;
    }
    for (MetricExtractor.Observation o : extractor.scan(line, listener::log)) {
      if (!listener.metric(o.name(), o.iteration(), o.value())) {
        metricsOpen = false;
        if (stopReason == null) {
          stopReason = "EarlyStopping: stopped after metric '" + o.name() + "' = " + o.value()
              + " at iteration " + o.iteration();
        }
        return;
      }
    }
  }
}
