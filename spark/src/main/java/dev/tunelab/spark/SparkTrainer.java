package dev.tunelab.spark;

import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.datasets.Dataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's stand-in for a job's trainer: {@link #train} runs the same trainer as one Spark
 * task (a Spark job of one partition in its own job group) and blocks the scheduler's training
 * thread until it ends, passing the task's log lines and metrics to the job's listener as they
 * come. A stop is first asked of the task (it ends as Stopped with what it has); if it has not
 * ended {@code tunelab.spark.stopGraceSeconds} later (default 10) its job group is cancelled.
 * A lost executor is a Failed job with a RetryableError reason, tried again up to
 * RetryStrategy.MaximumRetryAttempts times.
 */
final class SparkTrainer implements Trainer {

  private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);
  private final SparkTrainingExecutor executor;
  private final Trainer local;
  private final TaskSpec spec;
  private final int maxRetries;

  SparkTrainer(SparkTrainingExecutor executor, TrainingJobSpec spec, Trainer local) {
    this.executor = executor;
    this.local = local;
    this.spec = TaskSpec.of(spec);
    this.maxRetries = RetryStrategy.maximumRetryAttempts(spec.json());
  }

  @Override
  public void validate(Map<String, String> hyperParameters) {
    local.validate(hyperParameters);
  }

  @Override
  public TrainingOutcome train(TrainingRequest request, TrainingListener listener) {
    for (int attempt = 1; ; attempt++) {
      TrainingOutcome outcome = trainOnce(request, listener, attempt);
      boolean retryable = outcome.status() == TrainingOutcome.Status.FAILED && outcome.failureReason() != null
          && outcome.failureReason().startsWith(SparkFailures.RETRYABLE);
      if (!retryable || attempt > maxRetries || request.stopRequested().getAsBoolean()) {
        return outcome;
      }
      listener.log("tunelab: " + outcome.failureReason() + "; trying again (retry " + attempt + " of " + maxRetries
          + ", RetryStrategy.MaximumRetryAttempts)");
    }
  }

  private TrainingOutcome trainOnce(TrainingRequest request, TrainingListener listener, int attempt) {
    Map<String, Broadcast<DatasetWire>> broadcast = new HashMap<>();
    List<String> toRead = new ArrayList<>();
    for (Map.Entry<String, Dataset> c : request.channels().entrySet()) {
      Broadcast<DatasetWire> b = executor.broadcast(c.getValue());
      if (b != null) {
        broadcast.put(c.getKey(), b);
      } else {
        toRead.add(c.getKey());
      }
    }
    String group = "tunelab-" + request.jobName() + "-" + attempt;
    try (RelayServer.Session session = executor.relay().open(request.jobName(), listener, request.stopRequested())) {
      TrainingTask task = new TrainingTask(spec, request, broadcast, toRead, executor.relay().host(),
          executor.relay().port(), session.token);
      JavaSparkContext sc = executor.context();
      sc.setJobGroup(group, "TuneLab training job " + request.jobName(), true);
      long submitted = System.nanoTime();
      JavaFutureAction<List<TaskResult>> running;
      try {
        running = sc.parallelize(List.of(0), 1).map(task).collectAsync();
      } finally {
        sc.clearJobGroup();
      }
      long stopSeen = 0;
      boolean cancelled = false;
      while (true) {
        try {
          TaskResult result = running.get(100, TimeUnit.MILLISECONDS).get(0);
          TrainingOutcome outcome = result.unpack(request.jobDir());
          listener.log(String.format(java.util.Locale.ROOT, "tunelab: ran as a Spark task on executor %s:"
              + " %.3f s training, %.3f s from submission to result", result.executor(), result.trainSeconds(),
              (System.nanoTime() - submitted) / 1e9));
          return outcome;
        } catch (TimeoutException e) {
          if (stopSeen == 0 && request.stopRequested().getAsBoolean()) {
            stopSeen = System.nanoTime();
          }
          long grace = executor.stopGraceNanos();
          if (!cancelled && stopSeen != 0 && System.nanoTime() - stopSeen >= grace) {
            LOG.warn("training job {} did not stop within {} s of being asked: cancelling its Spark job group {}",
                request.jobName(), grace / 1_000_000_000L, group);
            sc.cancelJobGroup(group);
            cancelled = true;
          }
        } catch (ExecutionException e) {
          return SparkFailures.outcome(e.getCause(), request.stopRequested().getAsBoolean() || cancelled);
        } catch (InterruptedException e) {
          sc.cancelJobGroup(group);
          Thread.currentThread().interrupt();
          return new TrainingOutcome(TrainingOutcome.Status.STOPPED, Map.of(), null,
              "Stopped: the tuning job's process was interrupted", -1, 0);
        }
      }
    }
  }
}
