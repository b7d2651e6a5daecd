package dev.tunelab.core.spec;

import dev.tunelab.core.gpu.GpuRequest;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.datasets.Dataset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a training algorithm accepts and emits: the one owner of every fact that depends on the
 * algorithm (its channels, the metrics it can emit with their log regexes, which value of a metric
 * is final, the resource Hyperband sets) and the factory of its {@link Trainer}. The parsers, the
 * training job runner and the tuning scheduler ask the contract instead of testing which algorithm
 * runs.
 *
 * <p>Implementations live beside their trainers ({@code core.xgboost} for the built-in XGBoost,
 * {@code core.process} for bring-your-own commands) and are found through
 * {@link AlgorithmProvider}; get the contract of a job with {@link AlgorithmSpec#contract()}.
 */
public interface AlgorithmContract {

  /**
   * Checks the channel names of a job before any data is read: required channels, and channels
   * a hyperparameter requires.
   *
   * @throws SpecException naming {@code InputDataConfig}, the channel names given and the ones needed
   */
  void checkChannels(TrainingJobSpec spec);

  /**
   * The channels read and parsed into {@link Dataset}s (CSV, label first) before training; every
   * other channel reaches the trainer only as files.
   */
  Set<String> datasetChannels();

  /**
   * Checks the parsed datasets against each other (for example the same feature columns).
   *
   * @param datasets the {@link #datasetChannels()} the job gives, by channel name
   * @throws SpecException naming the channel's {@code S3Uri}
   */
  void checkDatasets(TrainingJobSpec spec, Map<String, Dataset> datasets);

  /**
   * The one check that a metric is one this algorithm can emit (a tuning job's objective).
   *
   * @param field  JSON path of the metric name, named in the error
   * @param metric the metric name, for example {@code validation:rmse}
   * @throws SpecException naming {@code field}, the metric and the metrics accepted
   */
  void checkMetric(String field, String metric);

  /**
   * Checks that a metric that passed {@link #checkMetric} fits the hyperparameters a tuning job
   * fixes (for the built-in XGBoost: its objective), so that a mismatch is refused before the job
   * is recorded. Hyperparameters the job tunes are left to the trainer's check of each range.
   * Does nothing by default.
   *
   * @param field                  JSON path of the metric name, named in the error
   * @param metric                 the metric name, for example {@code validation:f1}
   * @param staticHyperParameters  the job's static hyperparameters
   * @param tuned                  the names of the hyperparameters the job tunes
   * @throws SpecException naming {@code field}, the metric and what would fit
   */
  default void checkMetricFits(String field, String metric, Map<String, String> staticHyperParameters,
      Set<String> tuned) {
  }

  /**
   * Hyperparameters the algorithm takes only as static values: a tuning job whose ParameterRanges
   * name one is refused (for the built-in XGBoost, {@code _kfold} and {@code _num_cv_round}, which
   * SageMaker's container marks not tunable). Empty by default.
   */
  default Set<String> untunableHyperParameters() {
    return Set.of();
  }

  /**
   * Every hyperparameter name the algorithm takes (aliases included), so that a spec naming
   * another one is refused with the closest known name as a suggestion. Empty (the default) when
   * the algorithm takes any name, as a bring-your-own command does.
   */
  default Set<String> knownHyperParameters() {
    return Set.of();
  }

  /**
   * The name and log regex of a metric that passed {@link #checkMetric}: the regex SageMaker adds
   * as the {@code ObjectiveMetric} definition of a tuning job's training jobs.
   */
  MetricDefinition metricDefinition(String metric);

  /** Which emitted value of a metric is the job's final value, for these hyperparameters. */
  FinalMetricRule finalMetricRule(Map<String, String> hyperParameters);

  /**
   * The hyperparameter a Hyperband tuning job sets to {@code MaxResource} (for example the number
   * of boosting rounds); empty when the algorithm has none and the scheduler stops each job once
   * it reports its objective for iteration {@code MaxResource}.
   */
  Optional<String> hyperbandResource();

  /**
   * Called by a command that is about to train jobs of this algorithm, before it opens the store
   * and loads data: starts any slow one-off preparation (a native library to unpack and load) on
   * a background thread so it overlaps that work. Does nothing by default.
   */
  default void prepareInBackground() {
  }

  /**
   * The CUDA GPU a job with these hyperparameters on {@code instanceType} asks for, or empty when
   * it trains on the CPU (the default: bring-your-own commands are not given GPUs). The runner
   * checks the host before training ({@link dev.tunelab.core.gpu.GpuHost#problem}) and the tuning
   * scheduler gives each such job its own device.
   *
   * @param hyperParameters the job's hyperparameters, already validated
   * @param instanceType    {@code ResourceConfig.InstanceType}
   */
  default Optional<GpuRequest> gpuRequest(Map<String, String> hyperParameters, String instanceType) {
    return Optional.empty();
  }

  /**
   * The hyperparameters that train a job that {@link #gpuRequest asked for a GPU} on
   * {@code device}: {@code cuda:<n>} (the device it was given) or {@code cpu} (the documented
   * fallback). Unchanged by default.
   */
  default Map<String, String> onDevice(Map<String, String> hyperParameters, String device) {
    return hyperParameters;
  }

  /** The trainer that runs a job of this algorithm. */
  Trainer createTrainer(TrainingJobSpec spec);
}
