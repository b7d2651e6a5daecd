package dev.tunelab.core.spec;

import java.util.List;

/**
 * SageMaker's AlgorithmSpecification: which trainer runs the job. The installed
 * {@link AlgorithmProvider}s decide which algorithm a spec selects (a {@code TrainingImage} or
 * {@code AlgorithmName} containing {@code xgboost}: the built-in XGBoost4J trainer; a
 * {@code ContainerEntrypoint}: a local process following the container contract);
 * {@link #contract()} gives that algorithm's {@link AlgorithmContract}.
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

  /**
   * The contract of the algorithm that runs this spec (what it accepts and emits, and its trainer).
   *
   * @throws IllegalStateException when no algorithm accepts the spec (the parsers refuse such a
   *     spec with a {@link SpecException})
   */
  public AlgorithmContract contract() {
    return AlgorithmProviders.find(this).orElseThrow(() -> new IllegalStateException(
        "no algorithm runs TrainingImage " + trainingImage + ", AlgorithmName " + algorithmName
            + " without a ContainerEntrypoint"));
  }
}
