package dev.tunelab.benchmarks.quality;

import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.tuning.PreparedTuningJob;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.tuning.TuningObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs variants of the course's tuning spec in one TuneLab home (a fresh temporary folder unless
 * one is given; unique tuning job names), in this JVM, and measures each tuning job.
 */
public final class TuningBench implements AutoCloseable {
  private final CourseSpec course;
  private final Path home;
  private final boolean deleteHome;
  private final JobStore store;
  private final TuningJobRunner runner;
  private final String prefix;
  private final AtomicInteger counter = new AtomicInteger();
  /** Nanoseconds spent inside {@link Trainer#train} since the current tuning job started. */
  private final LongAdder trainerNanos = new LongAdder();

  /**
   * @param course the spec file
   * @param home   the TuneLab home to use, or {@code null} for a temporary one deleted on close
   * @param prefix tuning job name prefix (letters, digits, dashes; at most 20 characters)
   */
  public TuningBench(CourseSpec course, Path home, String prefix) {
    this.course = course;
    try {
      this.deleteHome = home == null;
      this.home = home == null ? Files.createTempDirectory("tunelab-bench-") : home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!prefix.matches("[a-z0-9-]{1,20}")) {
      throw new IllegalArgumentException("prefix: '" + prefix + "'; need 1-20 of a-z, 0-9, -");
    }
    this.prefix = prefix;
    this.store = JobStore.openSqlite(this.home);
    this.runner = new TuningJobRunner(store, this.home, spec -> timed(TrainingJobRunner.trainerOf(spec)),
        Clock.systemUTC());
  }

  /** The TuneLab home the jobs are recorded in. */
  public Path home() {
    return home;
  }

  /** The job store (for reading the training jobs of a result). */
  public JobStore store() {
    return store;
  }

  /**
   * Runs one tuning job of the variant to its end and measures it.
   *
   * @throws IllegalStateException when the tuning job does not end Completed
   */
  public TuningResult run(TuningVariant v) {
    String name = prefix + "-" + counter.incrementAndGet() + "-" + v.seed();
    TuningJobSpec spec = course.variant(name, v);
    PreparedTuningJob prepared = runner.prepare(spec);
    trainerNanos.reset();
    long t0 = System.nanoTime();
    TuningJobRecord rec = runner.run(prepared, TuningObserver.NONE, new AtomicBoolean());
    long wall = (System.nanoTime() - t0) / 1_000_000;
    if (rec.status() != TuningJobStatus.Completed) {
      throw new IllegalStateException("tuning job " + name + " (" + v.label() + ") ended " + rec.status()
          + ": " + rec.failureReason() + " (home " + home + ")");
    }
    List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
    double best = jobs.stream().filter(j -> j.objectiveValue() != null && j.status() != TrainingJobStatus.Failed)
        .mapToDouble(TrainingJobRecord::objectiveValue).min().orElse(Double.NaN);
    int stopped = (int) jobs.stream().filter(j -> j.status() == TrainingJobStatus.Stopped).count();
    long rounds = jobs.stream().mapToLong(TrainingJobRecord::roundsTrained).sum();
    double training = trainerNanos.sum() / 1e6;
    long storeTraining = jobs.stream().filter(j -> j.startTime() != null && j.endTime() != null)
        .mapToLong(j -> j.endTime().toEpochMilli() - j.startTime().toEpochMilli()).sum();
    return new TuningResult(name, v, rec.status(), best, jobs.size(), stopped, rounds, wall, training, storeTraining);
  }

  /**
   * The trainer, timed: what the scheduler's overhead is measured against is the time each job
   * spends in {@link Trainer#train} (XGBoost's boosting, evaluation and model file), so the
   * store's own timestamps, which bookkeeping could move, play no part.
   */
  private Trainer timed(Trainer trainer) {
    return new Trainer() {
      @Override
      public void validate(Map<String, String> hyperParameters) {
        trainer.validate(hyperParameters);
      }

      @Override
      public TrainingOutcome train(TrainingRequest request, TrainingListener listener) {
        long t0 = System.nanoTime();
        try {
          return trainer.train(request, listener);
        } finally {
          trainerNanos.add(System.nanoTime() - t0);
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    store.close();
    if (deleteHome) {
      try (Stream<Path> files = Files.walk(home)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
