package dev.tunelab.core.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.space.SearchSpace;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated CreateHyperParameterTuningJob request.
 *
 * @param name              HyperParameterTuningJobName (1–32 characters)
 * @param strategy          Strategy: Bayesian, Random, Grid or Hyperband
 * @param direction         the objective Type: Minimize or Maximize
 * @param objectiveMetric   objective MetricName, e.g. {@code validation:rmse}
 * @param maxTrainingJobs   MaxNumberOfTrainingJobs (for Grid: the number of combinations when absent)
 * @param maxParallelJobs   MaxParallelTrainingJobs
 * @param maxRuntime        ResourceLimits.MaxRuntimeInSeconds, or {@code null} for no limit
 * @param space             the tunable ParameterRanges
 * @param earlyStopping     TrainingJobEarlyStoppingType: Off or Auto
 * @param completion        TuningJobCompletionCriteria (all fields optional)
 * @param hyperband         Hyperband min/max resource, or {@code null}
 * @param randomSeed        RandomSeed (a seed is drawn and stored when absent)
 * @param staticHyperParameters StaticHyperParameters plus {@code _tuning_objective_metric}, in request order
 * @param warmStart         WarmStartConfig, or {@code null}
 * @param definition        the TrainingJobDefinition as a training job spec template (its name is
 *                          the tuning job's; its hyperparameters are the static ones)
 * @param json              the request as given plus what SageMaker adds, echoed by describe
 */
public record TuningJobSpec(
    String name,
    TuningStrategy strategy,
    Direction direction,
    String objectiveMetric,
    int maxTrainingJobs,
    int maxParallelJobs,
    Duration maxRuntime,
    SearchSpace space,
    EarlyStoppingType earlyStopping,
    CompletionCriteria completion,
    HyperbandConfig hyperband,
    long randomSeed,
    Map<String, String> staticHyperParameters,
    WarmStart warmStart,
    TrainingJobSpec definition,
    ObjectNode json) {

  public TuningJobSpec {
    staticHyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(staticHyperParameters));
  }

  /**
   * The tuned hyperparameters' names in the order the request writes its ranges (see
   * {@link ParameterRangesJson#namesInRequestOrder}); the search space's order when the request
   * JSON is not at hand.
   */
  public java.util.List<String> rangeOrder() {
    java.util.List<String> spaceOrder = space.ranges().stream().map(r -> r.name()).toList();
    if (json == null) {
      return spaceOrder;
    }
    java.util.List<String> order = new java.util.ArrayList<>(ParameterRangesJson.namesInRequestOrder(
        json.path("HyperParameterTuningJobConfig").path("ParameterRanges")));
    order.retainAll(spaceOrder);
    spaceOrder.stream().filter(n -> !order.contains(n)).forEach(order::add);
    return java.util.List.copyOf(order);
  }

  /**
   * The tuned hyperparameters of a training job in the request's range order ({@link #rangeOrder}),
   * names outside it after them in their given order: the one order the store keeps and every
   * response, table and CSV shows, whichever order the optimizer produced them in.
   */
  public Map<String, String> inRangeOrder(Map<String, String> tuned) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : rangeOrder()) {
      if (tuned.containsKey(name)) {
        out.put(name, tuned.get(name));
      }
    }
    tuned.forEach(out::putIfAbsent);
    return out;
  }

  /**
   * TuningJobCompletionCriteria.
   *
   * @param targetObjectiveValue       TargetObjectiveMetricValue, or {@code null}
   * @param maxJobsNotImproving        BestObjectiveNotImproving.MaxNumberOfTrainingJobsNotImproving, or 0
   * @param completeOnConvergence      ConvergenceDetected.CompleteOnConvergence == Enabled
   */
  public record CompletionCriteria(Double targetObjectiveValue, int maxJobsNotImproving, boolean completeOnConvergence) {
    /** No criteria. */
    public static final CompletionCriteria NONE = new CompletionCriteria(null, 0, false);
  }

  /**
   * WarmStartConfig.
   *
   * @param type    IdenticalDataAndAlgorithm or TransferLearning
   * @param parents 1 to 5 parent tuning job names
   */
  public record WarmStart(WarmStartType type, java.util.List<String> parents) {
    public WarmStart {
      parents = java.util.List.copyOf(parents);
    }

    /** True for IdenticalDataAndAlgorithm. */
    public boolean identical() {
      return type == WarmStartType.IDENTICAL_DATA_AND_ALGORITHM;
    }
  }

  /**
   * HyperbandStrategyConfig, in boosting rounds or epochs.
   *
   * @param minResource MinResource
   * @param maxResource MaxResource
   */
  public record HyperbandConfig(int minResource, int maxResource) { }
}
