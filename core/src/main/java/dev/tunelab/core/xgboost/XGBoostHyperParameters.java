package dev.tunelab.core.xgboost;

import dev.tunelab.core.gpu.GpuRequest;
import dev.tunelab.core.metrics.ContainerMetric;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.xgboost.ParameterDefinition.Use;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * SageMaker's built-in XGBoost hyperparameters, parsed from the job's {@code HyperParameters}
 * (all values strings) and validated with SageMaker's names, ranges and defaults.
 *
 * <p>Differences from SageMaker's container, on purpose:
 * <ul>
 *   <li>{@code eta} must be in (0, 1] (SageMaker accepts 0, which learns nothing).</li>
 *   <li>{@code reg:linear} is accepted and trained as {@code reg:squarederror}.</li>
 *   <li>{@code tree_method} absent or {@code auto} trains with what {@code auto} meant in the
 *       XGBoost version behind the spec's image tag ({@link XgboostImage}): {@code exact} below
 *       2<sup>22</sup> training rows and {@code approx} from there for the course's image and
 *       every tag up to 1.7, {@code hist} for XGBoost 2.0 and later; {@code gpu_hist} trains with
 *       {@code hist} on {@code device=cuda} (as XGBoost 2.0 and later spell it), and is refused
 *       with {@code device=cpu}; {@code auto} on a CUDA device trains with {@code hist}.</li>
 *   <li>{@code device} ({@code cpu}, {@code cuda}, {@code cuda:<n>}) is passed to XGBoost, but a job
 *       that asks for a GPU ({@link #gpuRequest}) is checked before it trains: XGBoost itself
 *       would fall back to the CPU without a word when it finds none.</li>
 *   <li>Parameters XGBoost 2.0 removed ({@code sketch_eps}, {@code dsplit}, {@code predictor},
 *       {@code lambda_bias}, ...) are checked and then ignored; {@code verbosity} and {@code silent}
 *       are checked and ignored because the native library always runs silent (its output cannot be
 *       captured) and the trainer writes the log itself.</li>
 *   <li>Metrics SageMaker's container computes in Python ({@code accuracy}, {@code f1}, {@code mse},
 *       {@code r2}, ...; {@link ContainerMetric}) are computed by TuneLab in Java; {@code rmse} and
 *       {@code mae}, which the newest container also computes in Python, are left to XGBoost.</li>
 *   <li>A metric that does not fit the objective ({@code auc} with {@code reg:squarederror},
 *       {@code f1} with a regression objective) is refused before any job starts.</li>
 *   <li>{@code aft-nloglik} and {@code interval-regression-accuracy} are rejected: they need label
 *       bounds that a CSV channel does not give. {@code tweedie-nloglik} must name its variance
 *       power ({@code tweedie-nloglik@1.5}), the only form XGBoost computes.</li>
 *   <li>Integers may be written as integral decimals ({@code "5.0"}), as a tuner may send them.</li>
 *   <li>{@code _kfold} and {@code _num_cv_round} run k-fold cross-validation as the container does,
 *       but each fold is scored on its held-out rows and the folds are seeded (see
 *       {@link CrossValidation}); {@code _num_cv_round} without {@code _kfold} is refused.</li>
 * </ul>
 *
 * @param numRound              boosting rounds (required, at least 1)
 * @param earlyStoppingRounds   stop after this many rounds without a new best validation score
 * @param objective             the XGBoost objective ({@code reg:squarederror} by default; never
 *                              {@code reg:linear})
 * @param evalMetrics           the metrics XGBoost computes natively, in the order it reports them:
 *                              the union of {@code eval_metric} and the metric of
 *                              {@code _tuning_objective_metric} (sorted when both are given, as
 *                              SageMaker does) less the {@link #containerMetrics()}; empty means
 *                              XGBoost's default metric for the objective
 * @param tuningObjectiveMetric {@code _tuning_objective_metric}, for example {@code validation:rmse}
 * @param nthread               {@code nthread} when given
 * @param csvWeights            {@code csv_weights=1}: the first feature column of the train channel
 *                              holds instance weights
 * @param values                every accepted hyperparameter by canonical SageMaker name, with its
 *                              normalised value (aliases such as {@code learning_rate} resolved)
 */
public record XGBoostHyperParameters(
    int numRound,
    OptionalInt earlyStoppingRounds,
    String objective,
    List<String> evalMetrics,
    Optional<String> tuningObjectiveMetric,
    OptionalInt nthread,
    boolean csvWeights,
    Map<String, String> values) {

  /**
   * Rows from which {@code tree_method=auto} means {@code approx} rather than {@code exact} in the
   * course's image ({@link XgboostImage#AUTO_EXACT_MAX_ROWS}).
   */
  public static final long AUTO_EXACT_MAX_ROWS = XgboostImage.AUTO_EXACT_MAX_ROWS;

  private static final String PREFIX = "HyperParameters.";
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  /** {@code device}: cpu, cuda, or cuda with a device ordinal (no leading zeros). */
  private static final Pattern DEVICE = Pattern.compile("cpu|cuda|cuda:(0|[1-9]\\d{0,3})");
  private static final String DEVICE_WORDS =
      "cpu, cuda (the first visible CUDA GPU) or cuda:<n> (the CUDA GPU numbered n, from 0)";
  private static final Pattern NESTED_LIST =
      Pattern.compile("\\[\\s*(\\[\\s*\\d+(\\s*,\\s*\\d+)*\\s*\\](\\s*,\\s*\\[\\s*\\d+(\\s*,\\s*\\d+)*\\s*\\])*)?\\s*\\]");

  public XGBoostHyperParameters {
    evalMetrics = List.copyOf(evalMetrics);
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /**
   * Parses and validates SageMaker hyperparameters.
   *
   * @throws SpecException naming the hyperparameter ({@code HyperParameters.<name>}), the value and
   *     what would be accepted
   */
  public static XGBoostHyperParameters parse(Map<String, String> hyperParameters) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(hyperParameters).entrySet()) {
      String given = e.getKey();
      String name = HyperParameterCatalog.ALIASES.getOrDefault(given, given);
      ParameterDefinition def = HyperParameterCatalog.get(name);
      if (def == null) {
        throw new SpecException(PREFIX + given, e.getValue(),
            "one of the XGBoost hyperparameters: " + String.join(", ", HyperParameterCatalog.names())
                + " (aliases: " + String.join(", ", new TreeSet<>(HyperParameterCatalog.ALIASES.keySet())) + ")");
      }
      if (values.containsKey(name)) {
        throw new SpecException(PREFIX + given, e.getValue(),
            "only one of " + name + " and its alias " + given);
      }
      try {
        values.put(name, normalise(def, given, e.getValue()));
      } catch (SpecException bad) {
        throw asObjectiveField(bad);
      }
    }

    String numRound = values.get("num_round");
    if (numRound == null) {
      throw new SpecException(PREFIX + "num_round", null,
          HyperParameterCatalog.get("num_round").interval().describe(true) + " (num_round is required)");
    }
    String objective = values.getOrDefault("objective", "reg:squarederror");
    if (objective.equals("reg:linear")) {
      objective = "reg:squarederror";
    }
    checkNumClass(objective, values.get("num_class"));

    Optional<String> tuning = Optional.ofNullable(values.get("_tuning_objective_metric"));
    List<String> allMetrics = evalMetrics(values.get("eval_metric"), tuning);
    for (String metric : allMetrics) {
      boolean given = values.containsKey("eval_metric")
          && splitList(values.get("eval_metric")).contains(metric);
      checkMetricForObjective(metric, objective, given ? "eval_metric" : "_tuning_objective_metric",
          given ? values.get("eval_metric") : tuning.orElse(metric));
    }
    List<String> evalMetrics = allMetrics.stream().filter(m -> ContainerMetric.named(m).isEmpty()).toList();
    String treeMethod = values.getOrDefault("tree_method", "");
    if (values.containsKey("monotone_constraints") && !List.of("exact", "hist").contains(treeMethod)) {
      throw new SpecException(PREFIX + "tree_method", values.get("tree_method"),
          "'exact' or 'hist' when monotone_constraints is set");
    }
    if (values.containsKey("interaction_constraints")
        && !List.of("exact", "hist", "approx").contains(treeMethod)) {
      throw new SpecException(PREFIX + "tree_method", values.get("tree_method"),
          "'exact', 'hist' or 'approx' when interaction_constraints is set");
    }
    if (treeMethod.equals("gpu_hist") && "cpu".equals(values.get("device"))) {
      throw new SpecException(PREFIX + "tree_method", "gpu_hist",
          "hist (or no tree_method) with device=cpu: gpu_hist is the older images' spelling of"
              + " tree_method=hist on device=cuda");
    }
    if (values.containsKey("_num_cv_round") && !values.containsKey("_kfold")) {
      throw new SpecException(PREFIX + "_num_cv_round", values.get("_num_cv_round"),
          "no value without _kfold (the repeats of k-fold cross-validation)");
    }
    OptionalInt esr = values.containsKey("early_stopping_rounds")
        ? OptionalInt.of(Integer.parseInt(values.get("early_stopping_rounds"))) : OptionalInt.empty();
    OptionalInt nthread = values.containsKey("nthread")
        ? OptionalInt.of(Integer.parseInt(values.get("nthread"))) : OptionalInt.empty();
    return new XGBoostHyperParameters(Integer.parseInt(numRound), esr, objective, evalMetrics, tuning,
        nthread, "1".equals(values.get("csv_weights")), values);
  }

  /**
   * The metrics SageMaker's container computes itself ({@link ContainerMetric}) among
   * {@code eval_metric} and {@code _tuning_objective_metric}, in the order the container reports
   * them: after XGBoost's, in the sorted order of the union.
   */
  public List<ContainerMetric> containerMetrics() {
    return evalMetrics(values.get("eval_metric"), tuningObjectiveMetric).stream()
        .map(ContainerMetric::named).flatMap(Optional::stream).toList();
  }

  /**
   * {@code _kfold}: the folds of k-fold cross-validation (at least 2), or empty for a plain job
   * trained on {@code train} and evaluated on {@code validation}.
   */
  public OptionalInt kfold() {
    String k = values.get("_kfold");
    return k == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(k));
  }

  /**
   * The GPU that validated hyperparameters ask for: {@code device=cuda} or {@code cuda:<n>}, or
   * {@code tree_method=gpu_hist} without a device; empty when they train on the CPU.
   *
   * @param values hyperparameters {@link #parse} accepted, by canonical name
   * @return what was asked, in words such as {@code device=cuda:1}, with the ordinal when given
   */
  static Optional<GpuRequest> gpuRequest(Map<String, String> values) {
    String device = values.get("device");
    if (device != null) {
      if (!device.startsWith("cuda")) {
        return Optional.empty();
      }
      int colon = device.indexOf(':');
      OptionalInt ordinal = colon < 0 ? OptionalInt.empty()
          : OptionalInt.of(Integer.parseInt(device.substring(colon + 1)));
      return Optional.of(new GpuRequest("device=" + device, ordinal));
    }
    if ("gpu_hist".equals(values.get("tree_method"))) {
      return Optional.of(new GpuRequest("tree_method=gpu_hist", OptionalInt.empty()));
    }
    return Optional.empty();
  }

  /** {@code _num_cv_round}: how many times k-fold cross-validation is repeated (default 1). */
  public int numCvRound() {
    return Integer.parseInt(values.getOrDefault("_num_cv_round", "1"));
  }

  /**
   * The metric early stopping watches on the validation channel: the metric of
   * {@code _tuning_objective_metric} when given, else the last metric reported (the last of
   * {@link #containerMetrics()}, else of {@link #evalMetrics()}); empty when neither is given
   * (then the trainer uses the last metric XGBoost reports).
   */
  public Optional<String> earlyStoppingMetric() {
    if (tuningObjectiveMetric.isPresent()) {
      String t = tuningObjectiveMetric.get();
      return Optional.of(t.substring(t.indexOf(':') + 1));
    }
    List<ContainerMetric> container = containerMetrics();
    if (!container.isEmpty()) {
      return Optional.of(container.get(container.size() - 1).metricName());
    }
    return evalMetrics.isEmpty() ? Optional.empty() : Optional.of(evalMetrics.get(evalMetrics.size() - 1));
  }

  /**
   * The XGBoost4J booster parameters (XGBoost's names, except {@code eval_metric}, which is set
   * once per metric from {@link #evalMetrics()}), with the native library silenced.
   *
   * @param defaultThreads threads to use when {@code nthread} is not given (at least 1)
   * @param trainRows      rows of the training data, to resolve {@code tree_method=auto}
   */
  public Map<String, String> boosterParams(int defaultThreads, long trainRows) {
    return boosterParams(defaultThreads, trainRows, XgboostImage.COURSE);
  }

  /**
   * {@link #boosterParams(int, long)} with {@code tree_method=auto} resolved as the XGBoost
   * version behind {@code image} resolved it.
   *
   * @param defaultThreads threads to use when {@code nthread} is not given (at least 1)
   * @param trainRows      rows of the training data
   * @param image          the XGBoost version of the spec's image
   */
  public Map<String, String> boosterParams(int defaultThreads, long trainRows, XgboostImage image) {
    Map<String, String> params = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      ParameterDefinition def = HyperParameterCatalog.get(e.getKey());
      if (def.use() == Use.BOOSTER && !def.xgboostName().equals("eval_metric")) {
        params.put(def.xgboostName(), e.getValue());
      }
    }
    params.put(HyperParameterCatalog.get("objective").xgboostName(), objective);
    params.putIfAbsent(HyperParameterCatalog.get("nthread").xgboostName(), Integer.toString(defaultThreads));
    String treeMethodName = HyperParameterCatalog.get("tree_method").xgboostName();
    String treeMethod = params.getOrDefault(treeMethodName, "auto");
    if (treeMethod.equals("gpu_hist")) {
      // the older images' spelling of hist on the GPU (XGBoost 2.0 renamed it)
      treeMethod = "hist";
      params.putIfAbsent(HyperParameterCatalog.get("device").xgboostName(), "cuda");
    } else if (treeMethod.equals("auto")) {
      treeMethod = params.getOrDefault("device", "cpu").startsWith("cuda") ? "hist"
          : image.autoTreeMethod(trainRows);
    }
    if (!"gblinear".equals(params.get("booster"))) {
      params.put(treeMethodName, treeMethod);
    } else {
      params.remove(treeMethodName);
    }
    params.put("verbosity", "0");
    return params;
  }

  private static List<String> evalMetrics(String evalMetric, Optional<String> tuning) {
    List<String> given = evalMetric == null ? List.of() : List.of(evalMetric.split(","));
    if (tuning.isEmpty()) {
      return given;
    }
    String t = tuning.get();
    String metric = t.substring(t.indexOf(':') + 1);
    if (given.isEmpty()) {
      return List.of(metric);
    }
    TreeSet<String> union = new TreeSet<>(given);
    union.add(metric);
    return new ArrayList<>(union);
  }

  private static void checkNumClass(String objective, String numClass) {
    boolean multi = objective.startsWith("multi:");
    if (multi && numClass == null) {
      throw new SpecException(PREFIX + "num_class", null,
          HyperParameterCatalog.get("num_class").interval().describe(true) + " (required for objective " + objective + ")");
    }
    if (!multi && numClass != null) {
      throw new SpecException(PREFIX + "num_class", numClass,
          "no value: num_class is only for the multi:softmax and multi:softprob objectives");
    }
  }

  /** The request field a tuning job's objective metric comes from. */
  private static final String OBJECTIVE_METRIC_FIELD =
      "HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName";

  /**
   * A refusal of the hyperparameter the tuning job adds for its objective metric, renamed to the
   * field the user wrote it in; other refusals as they are.
   */
  private static SpecException asObjectiveField(SpecException bad) {
    String internal = PREFIX + "_tuning_objective_metric";
    if (!bad.field().equals(internal)) {
      return bad;
    }
    return new SpecException(OBJECTIVE_METRIC_FIELD, bad.getMessage().substring(internal.length() + 2));
  }

  private static void checkMetricForObjective(String metric, String objective, String field, String raw) {
    int at = metric.indexOf('@');
    String base = at < 0 ? metric : metric.substring(0, at);
    if (!HyperParameterCatalog.fits(base, objective)) {
      // the tuning job adds its objective metric as a hyperparameter the container reads; the
      // user wrote it as the objective's MetricName, so the message names that field
      boolean fromObjective = field.equals("_tuning_objective_metric");
      String named = fromObjective ? OBJECTIVE_METRIC_FIELD : PREFIX + field;
      throw new SpecException(named, raw, "a metric that fits " + PREFIX + "objective="
          + objective + ": '" + base + "' fits only " + HyperParameterCatalog.fitting(base)
          + " objectives; for " + objective + " use one of " + fittingMetrics(objective));
    }
  }

  /** The metrics (native and the container's) that fit an objective, sorted. */
  private static String fittingMetrics(String objective) {
    TreeSet<String> names = new TreeSet<>();
    for (String n : HyperParameterCatalog.NATIVE_METRICS) {
      if (HyperParameterCatalog.fits(n, objective)) {
        names.add(n);
      }
    }
    for (ContainerMetric m : ContainerMetric.values()) {
      if (m.fits(objective)) {
        names.add(m.metricName());
      }
    }
    return String.join(", ", names);
  }

  private static String normalise(ParameterDefinition def, String given, String raw) {
    String field = PREFIX + given;
    if (raw == null) {
      throw new SpecException(field, null, "a value");
    }
    String v = raw.trim();
    switch (def.kind()) {
      case INTEGER: {
        String expected = def.interval().describe(true);
        if (!DECIMAL.matcher(v).matches()) {
          throw new SpecException(field, raw, expected);
        }
        double d = Double.parseDouble(v);
        if (d != Math.rint(d) || !def.interval().representable(true).contains(d)) {
          throw new SpecException(field, raw, expected);
        }
        return Long.toString((long) d);
      }
      case NUMBER: {
        String expected = def.interval().describe(false);
        if (!DECIMAL.matcher(v).matches() || !def.interval().representable(false).contains(Double.parseDouble(v))) {
          throw new SpecException(field, raw, expected);
        }
        return v;
      }
      case CHOICE:
        if (!def.choices().contains(v)) {
          throw new SpecException(field, raw, "one of " + String.join(", ", def.choices()));
        }
        return v;
      case CHOICE_LIST: {
        List<String> items = splitList(v);
        for (String item : items) {
          if (!def.choices().contains(item)) {
            throw new SpecException(field, raw,
                "a comma-separated list of " + String.join(", ", def.choices()));
          }
        }
        return String.join(",", items);
      }
      case METRIC_LIST: {
        List<String> items = splitList(v);
        if (items.isEmpty()) {
          throw new SpecException(field, raw, "a comma-separated list of " + metricWords());
        }
        for (String item : items) {
          checkMetric(field, raw, item);
        }
        return String.join(",", items);
      }
      case CHANNEL_METRIC:
        return channelMetric(field, raw);
      case SIGN_TUPLE: {
        String expected = "a tuple of -1, 0 and 1 such as (1,0,-1)";
        if (v.length() < 2 || !((v.startsWith("(") && v.endsWith(")")) || (v.startsWith("[") && v.endsWith("]")))) {
          throw new SpecException(field, raw, expected);
        }
        List<String> items = splitList(v.substring(1, v.length() - 1));
        if (items.isEmpty()) {
          throw new SpecException(field, raw, expected);
        }
        for (String item : items) {
          if (!List.of("-1", "0", "1").contains(item)) {
            throw new SpecException(field, raw, expected);
          }
        }
        return "(" + String.join(",", items) + ")";
      }
      case NESTED_INDEX_LIST:
        if (!NESTED_LIST.matcher(v).matches()) {
          throw new SpecException(field, raw, "a list of lists of feature indices such as [[0,1],[2,3,4]]");
        }
        return v.replaceAll("\\s+", "");
      case DEVICE:
        if (!DEVICE.matcher(v).matches()) {
          throw new SpecException(field, raw, DEVICE_WORDS);
        }
        return v;
      default:
        throw new IllegalStateException("unhandled kind " + def.kind());
    }
  }

  /**
   * The one check of a metric the built-in XGBoost emits, {@code <train|validation>:<eval_metric>}
   * with an evaluation metric XGBoost computes natively: used for {@code _tuning_objective_metric}
   * and for a tuning job's objective metric.
   *
   * <p>The name must be the one the trainer reports: XGBoost writes the parameter of
   * {@code error@t} and {@code tweedie-nloglik@rho} as a C++ float ({@code error@0.70} is reported
   * as {@code error@0.7}, {@code error@0.5} as {@code error}), so only that spelling is accepted.
   *
   * @param field JSON path named in the error
   * @param raw   the metric name as given
   * @return the metric name without surrounding spaces
   * @throws SpecException naming {@code field}, the value and the metrics accepted
   */
  static String channelMetric(String field, String raw) {
    String v = raw.trim();
    int colon = v.indexOf(':');
    if (colon < 0 || !List.of("train", "validation").contains(v.substring(0, colon))) {
      throw new SpecException(field, raw, "train:<metric> or validation:<metric> with <metric> " + metricWords());
    }
    String metric = v.substring(colon + 1);
    checkMetric(field, raw, metric);
    String reported = reportedName(metric);
    if (!reported.equals(metric)) {
      throw new SpecException(field, raw, v.substring(0, colon + 1) + reported
          + " (the name XGBoost reports for this metric)");
    }
    return v;
  }

  /** The name XGBoost reports for a valid metric: float parameters in C++'s default format. */
  private static String reportedName(String metric) {
    int at = metric.indexOf('@');
    if (at < 0) {
      return metric;
    }
    String base = metric.substring(0, at);
    if (!base.equals("error") && !base.equals(HyperParameterCatalog.TWEEDIE_NLOGLIK)) {
      return metric; // ndcg@n and map@n keep the parameter as written
    }
    float parameter = Float.parseFloat(metric.substring(at + 1));
    if (base.equals("error") && parameter == 0.5f) {
      return "error";
    }
    return base + "@" + RoundEvaluation.format(parameter);
  }

  private static void checkMetric(String field, String raw, String metric) {
    int at = metric.indexOf('@');
    String base = at < 0 ? metric : metric.substring(0, at);
    if (ContainerMetric.named(base).isPresent()) {
      if (at >= 0) {
        throw new SpecException(field, raw, metricWords() + " ('" + base + "' takes no @ parameter)");
      }
      return;
    }
    if (HyperParameterCatalog.UNSUPPORTED_NATIVE_METRICS.containsKey(base)) {
      throw new SpecException(field, raw, metricWords() + " ('" + base + "' "
          + HyperParameterCatalog.UNSUPPORTED_NATIVE_METRICS.get(base) + ")");
    }
    if (!HyperParameterCatalog.NATIVE_METRICS.contains(base)) {
      throw new SpecException(field, raw, metricWords());
    }
    if (base.equals(HyperParameterCatalog.TWEEDIE_NLOGLIK)
        && (at < 0 || !DECIMAL.matcher(metric.substring(at + 1)).matches())) {
      throw new SpecException(field, raw, "tweedie-nloglik@<rho> with the Tweedie variance power, such as "
          + "tweedie-nloglik@1.5 (XGBoost computes and reports it only so)");
    }
    if (at >= 0) {
      String threshold = metric.substring(at + 1);
      if (!List.of("error", "ndcg", "map", HyperParameterCatalog.TWEEDIE_NLOGLIK).contains(base)
          || !DECIMAL.matcher(threshold).matches()) {
        throw new SpecException(field, raw, "a metric with a numeric parameter only for error, ndcg, map and "
            + "tweedie-nloglik, such as error@0.7, ndcg@5 or tweedie-nloglik@1.5");
      }
    }
  }

  private static String metricWords() {
    TreeSet<String> all = new TreeSet<>(HyperParameterCatalog.NATIVE_METRICS);
    for (ContainerMetric m : ContainerMetric.values()) {
      all.add(m.metricName());
    }
    return "one of " + String.join(", ", all)
        + " (error@t, ndcg@n and map@n also accepted; tweedie-nloglik as tweedie-nloglik@rho)";
  }

  private static List<String> splitList(String v) {
    List<String> items = new ArrayList<>();
    for (String s : v.split(",", -1)) {
      String t = s.trim();
      if (!t.isEmpty()) {
        items.add(t);
      }
    }
    return items;
  }
}
