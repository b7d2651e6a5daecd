package dev.tunelab.core.xgboost;

import dev.tunelab.core.spec.AlgorithmContract;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.FinalMetricRule;
import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.datasets.Dataset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract of the built-in XGBoost algorithm ({@link XGBoostTrainer}): a {@code train}
 * channel and an optional {@code validation} channel (required with {@code early_stopping_rounds}),
 * both parsed as CSV with the same feature columns; metrics {@code <channel>:<eval_metric>} for
 * the evaluation metrics XGBoost computes natively ({@link XGBoostHyperParameters#channelMetric},
 * the same check as {@code _tuning_objective_metric}), each found in the log line
 * {@code [i]<TAB>train-rmse:v<TAB>validation-rmse:v}; the final value is the best iteration's with
 * early stopping, else the last round's; Hyperband sets {@code num_round}.
 */
public final class BuiltInXgboostContract implements AlgorithmContract {

  /** The one instance: the contract does not depend on the spec. */
  public static final BuiltInXgboostContract INSTANCE = new BuiltInXgboostContract();

  private static final String TRAIN = "train";
  private static final String VALIDATION = "validation";
  private static final Trainer TRAINER = new XGBoostTrainer();

  private BuiltInXgboostContract() { }

  @Override
  public void checkChannels(TrainingJobSpec spec) {
    if (spec.channel(TRAIN).isEmpty()) {
      throw new SpecException("InputDataConfig", channelNames(spec),
          "a channel named 'train' (and 'validation' for validation metrics and early stopping)");
    }
    if (spec.hyperParameters().containsKey("early_stopping_rounds") && spec.channel(VALIDATION).isEmpty()) {
      throw new SpecException("InputDataConfig", channelNames(spec),
          "a 'validation' channel, because HyperParameters.early_stopping_rounds is set");
    }
  }

  @Override
  public Set<String> datasetChannels() {
    return Set.of(TRAIN, VALIDATION);
  }

  @Override
  public void checkDatasets(TrainingJobSpec spec, Map<String, Dataset> datasets) {
    Dataset train = datasets.get(TRAIN);
    Dataset validation = datasets.get(VALIDATION);
    if (train != null && validation != null && validation.columns() != train.columns()) {
      ChannelSpec channel = spec.channel(VALIDATION).orElseThrow();
      throw new SpecException(channel.path(), channel.uri(), "data with " + train.columns()
          + " feature columns like the train channel (it has " + validation.columns() + ")");
    }
  }

  @Override
  public void checkMetric(String field, String metric) {
    if (!XGBoostHyperParameters.channelMetric(field, metric).equals(metric)) {
      throw new SpecException(field, metric, "the metric name without spaces around it");
    }
  }

  /** The definition SageMaker adds: the metric's value in the log line of every round. */
  @Override
  public MetricDefinition metricDefinition(String metric) {
    String[] parts = metric.split(":", 2);
    return new MetricDefinition(metric, ".*\\[[0-9]+\\].*#011" + parts[0] + "-" + parts[1]
        + ":([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?).*");
  }

  /** With {@code early_stopping_rounds} the trainer re-emits the best round's metrics last. */
  @Override
  public FinalMetricRule finalMetricRule(Map<String, String> hyperParameters) {
    return hyperParameters.containsKey("early_stopping_rounds") ? FinalMetricRule.BEST_ITERATION
        : FinalMetricRule.LAST_EMITTED;
  }

  @Override
  public Optional<String> hyperbandResource() {
    return Optional.of("num_round");
  }

  @Override
  public Trainer createTrainer(TrainingJobSpec spec) {
    XgboostImage image = XgboostImage.of(spec.algorithm().trainingImage(), spec.algorithm().algorithmName());
    return image.equals(XgboostImage.COURSE) ? TRAINER : new XGBoostTrainer(image);
  }

  private static List<String> channelNames(TrainingJobSpec spec) {
    return spec.channels().stream().map(ChannelSpec::name).toList();
  }
}
