package dev.tunelab.core.spec;

import java.util.List;
import java.util.Locale;

/**
 * SageMaker's AlgorithmSpecification: which trainer runs the job. A {@code TrainingImage} (or
 * {@code AlgorithmName}) containing {@code xgboost} selects the built-in XGBoost4J trainer; a
 * {@code ContainerEntrypoint} selects a local process following the container contract.
 *
 * @param trainingImage       image URI or name, or {@code null}
 * @param algorithmName       algorithm name, or {@code null}
 * @param trainingInputMode   File, Pipe or FastFile (all read as files locally)
 * @param metricDefinitions   regexes that extract metrics from the job's log
 * @param containerEntrypoint command to run for bring-your-own jobs (empty for built-in)
 * @param containerArguments  arguments appended to the entrypoint
 */
public record AlgorithmSpec(
    String trainingImage,
    String algorithmName,
    String trainingInputMode,
    List<MetricDefinition> metricDefinitions,
    List<String> containerEntrypoint,
    List<String> containerArguments) {

  public AlgorithmSpec {
    metricDefinitions = List.copyOf(metricDefinitions);
    containerEntrypoint = List.copyOf(containerEntrypoint);
    containerArguments = List.copyOf(containerArguments);
  }

  /** True when the built-in XGBoost4J trainer runs this job. */
  public boolean builtInXgboost() {
    return containerEntrypoint.isEmpty() && (mentionsXgboost(trainingImage) || mentionsXgboost(algorithmName));
  }

  /** True when a local command runs this job. */
  public boolean bringYourOwn() {
    return !containerEntrypoint.isEmpty();
  }

  private static boolean mentionsXgboost(String s) {
    return s != null && s.toLowerCase(Locale.ROOT).contains("xgboost");
  }
}
