package dev.tunelab.core.process;

import dev.tunelab.core.spec.AlgorithmContract;
import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.spec.FinalMetricRule;
import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.datasets.Dataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract of a bring-your-own training command ({@link ProcessTrainer}): any channels, all
 * passed as files; the metrics of {@code AlgorithmSpecification.MetricDefinitions}, each found with
 * its own regex; the final value of a metric is the last one the command printed; no resource
 * hyperparameter, so a Hyperband tuning job stops the command at {@code MaxResource}.
 *
 * @param algorithm the AlgorithmSpecification, with a {@code ContainerEntrypoint}
 */
public record BringYourOwnContract(AlgorithmSpec algorithm) implements AlgorithmContract {

  /** Any channel names: the command reads what it needs. */
  @Override
  public void checkChannels(TrainingJobSpec spec) {
    // the command's own business
  }

  @Override
  public Set<String> datasetChannels() {
    return Set.of();
  }

  @Override
  public void checkDatasets(TrainingJobSpec spec, Map<String, Dataset> datasets) {
    // no channel is parsed
  }

  @Override
  public void checkMetric(String field, String metric) {
    if (find(metric).isEmpty()) {
      throw new SpecException(field, metric, "the Name of one of AlgorithmSpecification.MetricDefinitions "
          + algorithm.metricDefinitions().stream().map(MetricDefinition::name).toList());
    }
  }

  @Override
  public MetricDefinition metricDefinition(String metric) {
    return find(metric).orElseThrow(() -> new IllegalArgumentException(
        "no MetricDefinition named " + metric + "; check it with checkMetric first"));
  }

  @Override
  public FinalMetricRule finalMetricRule(Map<String, String> hyperParameters) {
    return FinalMetricRule.LAST_EMITTED;
  }

  @Override
  public Optional<String> hyperbandResource() {
    return Optional.empty();
  }

  @Override
  public Trainer createTrainer(TrainingJobSpec spec) {
    Map<String, String> contentTypes = new LinkedHashMap<>();
    spec.channels().forEach(c -> contentTypes.put(c.name(), c.contentType()));
    return new ProcessTrainer(new ProcessCommand(algorithm.containerEntrypoint(), algorithm.containerArguments(),
        spec.baseDir(), spec.environment()), algorithm.metricDefinitions(), contentTypes);
  }

  private Optional<MetricDefinition> find(String metric) {
    return algorithm.metricDefinitions().stream().filter(m -> m.name().equals(metric)).findFirst();
  }
}
