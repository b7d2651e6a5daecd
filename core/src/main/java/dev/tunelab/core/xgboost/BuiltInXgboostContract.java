package dev.tunelab.core.xgboost;

import dev.tunelab.core.gpu.GpuHost;
import dev.tunelab.core.gpu.GpuRequest;
import dev.tunelab.core.spec.AlgorithmContract;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.FinalMetricRule;
import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.datasets.Dataset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract of the built-in XGBoost algorithm ({@link XGBoostTrainer}): a {@code train}
 * channel and an optional {@code validation} channel (required with {@code early_stopping_rounds}),
 * both parsed as CSV with the same feature columns; metrics {@code <channel>:<eval_metric>} for
 * the evaluation metrics XGBoost computes natively and those SageMaker's container computes itself
 * ({@link dev.tunelab.core.metrics.ContainerMetric}; {@link XGBoostHyperParameters#channelMetric},
 * the same check as {@code _tuning_objective_metric}; whether the metric fits the objective is
 * checked with the hyperparameters, before any job starts), each found in the log line
 * {@code [i]<TAB>train-rmse:v<TAB>validation-rmse:v}; the final value is the best iteration's with
 * early stopping, else the last round's; Hyperband sets {@code num_round}. With {@code _kfold}
 * (k-fold cross-validation on both channels together, see {@link CrossValidation}) the validation
 * channel is optional even with early stopping, {@code _kfold} may not exceed the rows of the two
 * channels, and the final value is the last cross-validation mean line.
 */
public final class BuiltInXgboostContract implements AlgorithmContract {

  /** The one instance: the contract does not depend on the spec. */
  public static final BuiltInXgboostContract INSTANCE = new BuiltInXgboostContract();

  private static final String TRAIN = "train";
  private static final String VALIDATION = "validation";
  private static final String KFOLD = "_kfold";
  private static final Trainer TRAINER = new XGBoostTrainer();

  private BuiltInXgboostContract() { }

  @Override
  public void checkChannels(TrainingJobSpec spec) {
    if (spec.channels().isEmpty()) {
      throw new SpecException("InputDataConfig", null, "a list of channels with one named 'train': the built-in"
          + " XGBoost algorithm reads its training data from it ('validation' adds validation metrics and early"
          + " stopping); only a bring-your-own ContainerEntrypoint may go without InputDataConfig");
    }
    if (spec.channel(TRAIN).isEmpty()) {
      throw new SpecException("InputDataConfig", channelNames(spec),
          "a channel named 'train' (and 'validation' for validation metrics and early stopping)");
    }
    if (spec.hyperParameters().containsKey("early_stopping_rounds") && spec.channel(VALIDATION).isEmpty()
        && !spec.hyperParameters().containsKey(KFOLD)) {
      throw new SpecException("InputDataConfig", channelNames(spec),
          "a 'validation' channel, because HyperParameters.early_stopping_rounds is set");
    }
  }

  /**
   * {@code device=cuda} or {@code cuda:<n>}, {@code tree_method=gpu_hist} (the older images'
   * spelling of {@code hist} on {@code cuda}), or {@code ResourceConfig.InstanceType=local_gpu}
   * (SageMaker local mode's GPU instance) without {@code device=cpu}.
   */
  @Override
  public Optional<GpuRequest> gpuRequest(Map<String, String> hyperParameters, String instanceType) {
    Map<String, String> canonical = XGBoostHyperParameters.parse(hyperParameters).values();
    Optional<GpuRequest> asked = XGBoostHyperParameters.gpuRequest(canonical);
    if (asked.isPresent() || canonical.containsKey("device")) {
      return asked;
    }
    return GpuHost.LOCAL_GPU.equals(instanceType) ? Optional.of(GpuRequest.instanceType(instanceType))
        : Optional.empty();
  }

  /** Sets {@code device}; on the CPU, {@code tree_method=gpu_hist} becomes {@code hist}. */
  @Override
  public Map<String, String> onDevice(Map<String, String> hyperParameters, String device) {
    Map<String, String> placed = new LinkedHashMap<>(hyperParameters);
    placed.put("device", device);
    if (device.equals("cpu") && "gpu_hist".equals(placed.get("tree_method"))) {
      placed.put("tree_method", "hist");
    }
    return placed;
  }

  @Override
  public Set<String> datasetChannels() {
    return Set.of(TRAIN, VALIDATION);
  }

  /**
   * Checks the parsed channels before anything is recorded: the validation channel has the train
   * channel's feature columns, and with {@code csv_weights=1} each channel (train and validation,
   * as SageMaker's container reads both with weights) has a weight column in its second CSV
   * column and a feature, and every weight is a finite number {@code >= 0} (XGBoost refuses
   * negative weights; SageMaker's container fails the job on them); {@code _kfold} is at most
   * the rows of both channels.
   */
  @Override
  public void checkDatasets(TrainingJobSpec spec, Map<String, Dataset> datasets) {
    Dataset train = datasets.get(TRAIN);
    Dataset validation = datasets.get(VALIDATION);
    boolean weights = "1".equals(spec.hyperParameters().get("csv_weights"));
    if (train != null && weights) {
      checkWeights(spec, TRAIN, train);
    }
    if (validation != null && weights) {
      checkWeights(spec, VALIDATION, validation);
    }
    int trainFeatures = train == null ? 0 : train.columns() - (weights ? 1 : 0);
    int validationFeatures = validation == null ? 0 : validation.columns() - (weights ? 1 : 0);
    if (train != null && validation != null && validationFeatures != trainFeatures) {
      ChannelSpec channel = spec.channel(VALIDATION).orElseThrow();
      throw new SpecException(channel.path(), channel.uri(), "data with " + trainFeatures
          + " feature columns like the train channel" + (weights ? " after its weight column (csv_weights=1)" : "")
          + " (it has " + validationFeatures + ")");
    }
    String kfold = spec.hyperParameters().get(KFOLD);
    if (kfold != null && train != null) {
      int rows = train.rows() + (validation == null ? 0 : validation.rows());
      Integer k = integer(kfold);
      if (k != null && k > rows) {
        throw new SpecException("HyperParameters." + KFOLD, kfold, "an integer from 2 to " + rows
            + " (the rows of the train" + (validation == null ? "" : " and validation") + " channel"
            + (validation == null ? "" : "s") + ", which k-fold cross-validation splits)");
      }
    }
  }

  private static void checkWeights(TrainingJobSpec spec, String channelName, Dataset data) {
    String field = "HyperParameters.csv_weights";
    ChannelSpec channel = spec.channel(channelName).orElseThrow();
    if (channel.format().format() != dev.tunelab.core.spec.ContentType.Format.CSV) {
      throw new SpecException(field, "1", "0 when the " + channelName + " channel is not CSV (its ContentType is '"
          + channel.contentType() + "'; SageMaker reads weights from the second CSV column only)");
    }
    if (data.columns() < 2) {
      throw new SpecException(field, "1", "0, or a " + channelName + " channel with the label, a weight column and at least one"
          + " feature (it has " + (data.columns() + 1) + " columns)");
    }
    double[][] x = data.features();
    for (int r = 0; r < x.length; r++) {
      double w = x[r][0];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new SpecException(field, "1", "0, or finite weights >= 0 in the second column of the " + channelName + " channel; "
            + where(spec, channelName, data, r) + " has weight " + (Double.isNaN(w) ? "(empty)" : String.valueOf(w)));
      }
    }
  }

  private static Integer integer(String v) {
    try {
      double d = Double.parseDouble(v.trim());
      return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? (int) d : null;
    } catch (NumberFormatException e) {
      return null; // the hyperparameter check names it
    }
  }

  /** The row's file and line when the channel is one file, else its row in the channel. */
  private static String where(TrainingJobSpec spec, String channelName, Dataset train, int row) {
    String source = train.provenance().source();
    if (train.provenance().derivation().isEmpty()) {
      boolean header = spec.channel(channelName).map(c -> c.format().headerPresent()).orElse(false);
      return source + " line " + (row + 1 + (header ? 1 : 0));
    }
    return "row " + (row + 1) + " of " + source + " (" + train.provenance().derivation() + ")";
  }

  /** {@code _kfold} and {@code _num_cv_round}: the container marks them {@code tunable=False}. */
  @Override
  public Set<String> untunableHyperParameters() {
    return Set.of(KFOLD, "_num_cv_round");
  }

  /** The catalog's names, then SageMaker's aliases (such as {@code learning_rate}). */
  @Override
  public Set<String> knownHyperParameters() {
    Set<String> names = new java.util.LinkedHashSet<>(HyperParameterCatalog.names());
    names.addAll(new java.util.TreeSet<>(HyperParameterCatalog.ALIASES.keySet()));
    return java.util.Collections.unmodifiableSet(names);
  }

  @Override
  public void checkMetric(String field, String metric) {
    if (!XGBoostHyperParameters.channelMetric(field, metric).equals(metric)) {
      throw new SpecException(field, metric, "the metric name without spaces around it");
    }
  }

  /**
   * With the objective fixed ({@code StaticHyperParameters.objective}, or the default
   * {@code reg:squarederror}), the metric must fit it: {@code validation:f1} with a regression
   * objective is refused at the objective's {@code MetricName}.
   */
  @Override
  public void checkMetricFits(String field, String metric, Map<String, String> staticHyperParameters,
      Set<String> tuned) {
    if (tuned.contains("objective")) {
      return; // each objective a range can give is checked with the trainer's hyperparameter check
    }
    String objective = staticHyperParameters.getOrDefault("objective", "reg:squarederror").trim();
    if (objective.equals("reg:linear")) {
      objective = "reg:squarederror";
    }
    if (!HyperParameterCatalog.OBJECTIVES.contains(objective)) {
      return; // the hyperparameter check names the bad objective
    }
    String name = metric.substring(metric.indexOf(':') + 1);
    int at = name.indexOf('@');
    String base = at < 0 ? name : name.substring(0, at);
    if (!HyperParameterCatalog.fits(base, objective)) {
      throw new SpecException(field, metric, "a metric that fits StaticHyperParameters.objective=" + objective
          + ": '" + base + "' fits only " + HyperParameterCatalog.fitting(base) + " objectives");
    }
  }

  /** The definition SageMaker adds: the metric's value in the log line of every round. */
  @Override
  public MetricDefinition metricDefinition(String metric) {
    String[] parts = metric.split(":", 2);
    return new MetricDefinition(metric, ".*\\[[0-9]+\\].*#011" + parts[0] + "-" + parts[1]
        + ":([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?).*");
  }

  /**
   * With {@code _kfold} the final metrics are the last cross-validation mean line; else with
   * {@code early_stopping_rounds} the trainer re-emits the best round's metrics last.
   */
  @Override
  public FinalMetricRule finalMetricRule(Map<String, String> hyperParameters) {
    if (hyperParameters.containsKey(KFOLD)) {
      return FinalMetricRule.LAST_EMITTED;
    }
    return hyperParameters.containsKey("early_stopping_rounds") ? FinalMetricRule.BEST_ITERATION
        : FinalMetricRule.LAST_EMITTED;
  }

  @Override
  public Optional<String> hyperbandResource() {
    return Optional.of("num_round");
  }

  /** Unpacks and loads XGBoost4J's native library on a background thread ({@link NativeWarmUp}). */
  @Override
  public void prepareInBackground() {
    NativeWarmUp.start();
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
