package dev.tunelab.core.job;

import dev.tunelab.core.spec.OrderedMaps;
import dev.tunelab.core.train.TrainingListener;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * How one training job is run: as part of a tuning job or alone, who watches it, and its share of
 * the machine.
 *
 * @param tuningJobName   the owning tuning job, or {@code null} for a single training job
 * @param sequence        the job's number within its tuning job (1-based), 0 when alone
 * @param tunedHyperParameters the hyperparameters chosen by the tuner (empty when alone), kept in
 *                        the order given (the spec's range order), which the store and every
 *                        response repeat
 * @param objectiveMetric the tuning objective's metric name, or {@code null}: a completed job
 *                        that did not emit it is marked Failed
 * @param observer        receives log lines and metrics; may stop the job by returning false
 * @param stopRequested   polled while training; true stops the job
 * @param threads         the job's share of the CPU threads; built-in trainers use fewer on small
 *                        data (see {@link ThreadBudget})
 * @param gpu             the CUDA device the tuning scheduler gave a job that asks for a GPU, or
 *                        empty (a job alone uses the device it names, else the first)
 */
public record JobContext(
    String tuningJobName,
    int sequence,
    Map<String, String> tunedHyperParameters,
    String objectiveMetric,
    TrainingListener observer,
    BooleanSupplier stopRequested,
    int threads,
    OptionalInt gpu) {

  public JobContext {
    // not Map.copyOf: its iteration order changes from one JVM to the next
    tunedHyperParameters = OrderedMaps.copyOf(tunedHyperParameters);
    Objects.requireNonNull(gpu, "gpu");
  }

  /** A context without a GPU assigned. */
  public JobContext(String tuningJobName, int sequence, Map<String, String> tunedHyperParameters,
      String objectiveMetric, TrainingListener observer, BooleanSupplier stopRequested, int threads) {
    this(tuningJobName, sequence, tunedHyperParameters, objectiveMetric, observer, stopRequested, threads,
        OptionalInt.empty());
  }

  /** This context on CUDA device {@code device}. */
  public JobContext onGpu(int device) {
    return new JobContext(tuningJobName, sequence, tunedHyperParameters, objectiveMetric, observer, stopRequested,
        threads, OptionalInt.of(device));
  }

  /** A single training job using every core. */
  public static JobContext standalone(TrainingListener observer, BooleanSupplier stop) {
    return new JobContext(null, 0, Map.of(), null, observer, stop, ThreadBudget.share(1));
  }
}
