package dev.tunelab.core.xgboost;

import dev.tunelab.core.metrics.ContainerMetric;
import dev.tunelab.core.metrics.ObjectiveFamily;
import dev.tunelab.core.xgboost.ParameterDefinition.Kind;
import dev.tunelab.core.xgboost.ParameterDefinition.Use;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hyperparameters SageMaker's XGBoost container accepts (names, ranges and choices follow
 * {@code aws/sagemaker-xgboost-container}, {@code algorithm_mode/hyperparameter_validation.py}),
 * and the one place that maps each SageMaker name to XGBoost4J's parameter name. Differences from
 * SageMaker are deliberate and listed in {@link XGBoostHyperParameters}.
 */
final class HyperParameterCatalog {

  /**
   * Evaluation metrics where larger is better: SageMaker's {@code XGB_MAXIMIZE_METRICS} among the
   * native ones, and every {@link ContainerMetric} that maximises ({@code accuracy}, {@code f1},
   * {@code r2}, ...).
   */
  static final Set<String> MAXIMIZE_METRICS = maximizeMetrics();

  /**
   * Evaluation metrics XGBoost 3.4 computes natively, SageMaker accepts in {@code eval_metric} and
   * the built-in trainer reports under the same name: with the channel, the metrics a job can emit
   * ({@code validation:rmse}). {@code error}, {@code ndcg} and {@code map} may carry a parameter
   * ({@code error@0.7}, {@code ndcg@5}); {@link #TWEEDIE_NLOGLIK} must carry one.
   */
  static final Set<String> NATIVE_METRICS = Set.of("rmse", "rmsle", "mae", "mape", "mphe", "logloss",
      "error", "merror", "mlogloss", "auc", "aucpr", "ndcg", "map", "poisson-nloglik",
      "gamma-nloglik", "cox-nloglik", "gamma-deviance", "tweedie-nloglik");

  /** The native metric XGBoost computes only as {@code tweedie-nloglik@<rho>} (and reports so). */
  static final String TWEEDIE_NLOGLIK = "tweedie-nloglik";

  /**
   * Native XGBoost metrics SageMaker accepts that the built-in trainer cannot compute, with the
   * reason: they need the label bounds of {@code survival:aft}, which a CSV channel does not give.
   */
  static final Map<String, String> UNSUPPORTED_NATIVE_METRICS = Map.of(
      "aft-nloglik", "needs label_lower_bound and label_upper_bound, which a CSV channel does not give",
      "interval-regression-accuracy", "needs label_lower_bound and label_upper_bound, which a CSV channel does not give");

  /**
   * The objectives each native metric fits: an objective family prefix ({@code binary}) or a whole
   * objective name ({@code reg:logistic}). A native metric absent here fits no objective that the
   * built-in trainer can check (it is unsupported).
   */
  static final Map<String, List<String>> NATIVE_METRIC_OBJECTIVES = Map.ofEntries(
      Map.entry("rmse", List.of("reg", "count", "binary", "rank", "survival")),
      Map.entry("mae", List.of("reg", "count", "binary", "rank", "survival")),
      Map.entry("rmsle", List.of("reg", "count")),
      Map.entry("mape", List.of("reg", "count")),
      Map.entry("mphe", List.of("reg", "count")),
      Map.entry("logloss", List.of("binary", "reg:logistic")),
      Map.entry("error", List.of("binary", "reg:logistic")),
      Map.entry("merror", List.of("multi")),
      Map.entry("mlogloss", List.of("multi")),
      Map.entry("auc", List.of("binary", "multi", "rank", "reg:logistic")),
      Map.entry("aucpr", List.of("binary", "multi", "rank", "reg:logistic")),
      Map.entry("ndcg", List.of("rank")),
      Map.entry("map", List.of("rank")),
      Map.entry("poisson-nloglik", List.of("count:poisson")),
      Map.entry("gamma-nloglik", List.of("reg:gamma")),
      Map.entry("gamma-deviance", List.of("reg:gamma")),
      Map.entry("tweedie-nloglik", List.of("reg:tweedie")),
      Map.entry("cox-nloglik", List.of("survival:cox")));

  /** Objectives SageMaker accepts; {@code reg:linear} is the old name of {@code reg:squarederror}. */
  static final List<String> OBJECTIVES = List.of("binary:logistic", "binary:logitraw", "binary:hinge",
      "count:poisson", "multi:softmax", "multi:softprob", "rank:pairwise", "rank:ndcg", "rank:map",
      "reg:linear", "reg:squarederror", "reg:logistic", "reg:gamma", "reg:pseudohubererror",
      "reg:squaredlogerror", "reg:tweedie", "survival:aft", "survival:cox");

  /** Aliases SageMaker declares: alias to canonical name. */
  static final Map<String, String> ALIASES = Map.of(
      "learning_rate", "eta", "min_split_loss", "gamma", "reg_lambda", "lambda", "reg_alpha", "alpha");

  /** Most boosting rounds (num_round, early_stopping_rounds) accepted. */
  public static final int MAX_ROUNDS = 100_000;

  /** Most threads (nthread) accepted for one job. */
  public static final int MAX_THREADS = 1024;

  private static final String REMOVED = "removed from XGBoost 2.0+; accepted and ignored";

  private static final Map<String, ParameterDefinition> DEFINITIONS;

  static {
    Map<String, ParameterDefinition> m = new LinkedHashMap<>();
    // used by the trainer itself
    // rounds: each round keeps a tree in memory and stores a metric row, so a bound that a run
    // can reach (100,000) rather than 2^31 - 1, which ran out of memory
    integer(m, "num_round", Interval.closed(1, MAX_ROUNDS), Use.TRAINER, null);
    integer(m, "early_stopping_rounds", Interval.closed(1, MAX_ROUNDS), Use.TRAINER, null);
    integer(m, "csv_weights", Interval.closed(0, 1), Use.TRAINER, null);
    // k-fold cross-validation (the container's _kfold and _num_cv_round, not tunable there)
    integer(m, "_kfold", Interval.atLeast(2), Use.TRAINER, null);
    integer(m, "_num_cv_round", Interval.atLeast(1), Use.TRAINER, null);
    integer(m, "nthread", Interval.closed(1, MAX_THREADS), Use.BOOSTER, "nthread");
    integer(m, "verbosity", Interval.closed(0, 3), Use.IGNORED, null);
    integer(m, "silent", Interval.closed(0, 1), Use.IGNORED, null);
    add(m, "_tuning_objective_metric", Kind.CHANNEL_METRIC, null, List.of(), Use.TRAINER, null, "");
    add(m, "eval_metric", Kind.METRIC_LIST, null, List.of(), Use.BOOSTER, "eval_metric", "");
    choice(m, "objective", OBJECTIVES, Use.BOOSTER, "objective");
    choice(m, "save_model_on_termination", List.of("true", "false"), Use.IGNORED, null);
    // the booster: general and tree parameters
    choice(m, "booster", List.of("gbtree", "gblinear", "dart"), Use.BOOSTER, "booster");
    number(m, "eta", Interval.leftOpen(0, 1), Use.BOOSTER, "eta");
    number(m, "gamma", Interval.atLeast(0), Use.BOOSTER, "gamma");
    integer(m, "max_depth", Interval.atLeast(0), Use.BOOSTER, "max_depth");
    number(m, "min_child_weight", Interval.atLeast(0), Use.BOOSTER, "min_child_weight");
    number(m, "max_delta_step", Interval.atLeast(0), Use.BOOSTER, "max_delta_step");
    number(m, "subsample", Interval.leftOpen(0, 1), Use.BOOSTER, "subsample");
    number(m, "colsample_bytree", Interval.leftOpen(0, 1), Use.BOOSTER, "colsample_bytree");
    number(m, "colsample_bylevel", Interval.leftOpen(0, 1), Use.BOOSTER, "colsample_bylevel");
    number(m, "colsample_bynode", Interval.leftOpen(0, 1), Use.BOOSTER, "colsample_bynode");
    number(m, "lambda", Interval.atLeast(0), Use.BOOSTER, "lambda");
    number(m, "alpha", Interval.atLeast(0), Use.BOOSTER, "alpha");
    choice(m, "tree_method", List.of("auto", "exact", "approx", "hist", "gpu_hist"), Use.BOOSTER,
        "tree_method");
    // where XGBoost trains: cpu, cuda (the first visible GPU) or cuda:<ordinal>
    add(m, "device", Kind.DEVICE, null, List.of(), Use.BOOSTER, "device", "");
    number(m, "scale_pos_weight", Interval.above(0), Use.BOOSTER, "scale_pos_weight");
    add(m, "updater", Kind.CHOICE_LIST, null, List.of("grow_colmaker", "grow_histmaker",
        "grow_quantile_histmaker", "sync", "refresh", "prune", "shotgun", "coord_descent"),
        Use.BOOSTER, "updater", "");
    integer(m, "refresh_leaf", Interval.closed(0, 1), Use.BOOSTER, "refresh_leaf");
    choice(m, "process_type", List.of("default", "update"), Use.BOOSTER, "process_type");
    choice(m, "grow_policy", List.of("depthwise", "lossguide"), Use.BOOSTER, "grow_policy");
    integer(m, "max_leaves", Interval.atLeast(0), Use.BOOSTER, "max_leaves");
    integer(m, "max_bin", Interval.atLeast(2), Use.BOOSTER, "max_bin");
    add(m, "monotone_constraints", Kind.SIGN_TUPLE, null, List.of(), Use.BOOSTER, "monotone_constraints", "");
    add(m, "interaction_constraints", Kind.NESTED_INDEX_LIST, null, List.of(), Use.BOOSTER,
        "interaction_constraints", "");
    integer(m, "num_parallel_tree", Interval.atLeast(1), Use.BOOSTER, "num_parallel_tree");
    choice(m, "sampling_method", List.of("uniform", "gradient_based"), Use.BOOSTER, "sampling_method");
    // dart
    choice(m, "sample_type", List.of("uniform", "weighted"), Use.BOOSTER, "sample_type");
    choice(m, "normalize_type", List.of("tree", "forest"), Use.BOOSTER, "normalize_type");
    number(m, "rate_drop", Interval.closed(0, 1), Use.BOOSTER, "rate_drop");
    integer(m, "one_drop", Interval.closed(0, 1), Use.BOOSTER, "one_drop");
    number(m, "skip_drop", Interval.closed(0, 1), Use.BOOSTER, "skip_drop");
    // learning task
    number(m, "tweedie_variance_power", Interval.open(1, 2), Use.BOOSTER, "tweedie_variance_power");
    integer(m, "num_class", Interval.atLeast(2), Use.BOOSTER, "num_class");
    number(m, "base_score", Interval.atLeast(0), Use.BOOSTER, "base_score");
    integer(m, "seed", Interval.open(-2147483648.0, 2147483647.0), Use.BOOSTER, "seed");
    choice(m, "aft_loss_distribution", List.of("normal", "logistic", "extreme"), Use.BOOSTER,
        "aft_loss_distribution");
    number(m, "aft_loss_distribution_scale", Interval.atLeast(0), Use.BOOSTER, "aft_loss_distribution_scale");
    // accepted by SageMaker, gone from XGBoost 2+
    ignored(m, "sketch_eps", Kind.NUMBER, Interval.open(0, 1), List.of());
    ignored(m, "dsplit", Kind.CHOICE, null, List.of("row", "col"));
    ignored(m, "predictor", Kind.CHOICE, null, List.of("auto", "cpu_predictor", "gpu_predictor"));
    ignored(m, "lambda_bias", Kind.NUMBER, Interval.closed(0, 1), List.of());
    ignored(m, "single_precision_histogram", Kind.CHOICE, null, List.of("true", "false"));
    ignored(m, "deterministic_histogram", Kind.CHOICE, null, List.of("true", "false"));
    ignored(m, "prob_buffer_row", Kind.NUMBER, Interval.above(1), List.of());
    DEFINITIONS = Collections.unmodifiableMap(m);
  }

  private HyperParameterCatalog() {
  }

  /** The definition of a canonical SageMaker name, or {@code null} when unknown. */
  static ParameterDefinition get(String name) {
    return DEFINITIONS.get(name);
  }

  /** All canonical names, in the catalog's order. */
  static Set<String> names() {
    return DEFINITIONS.keySet();
  }

  /** True when larger values of this metric (such as {@code auc} or {@code ndcg@5}) are better. */
  static boolean maximize(String metric) {
    int at = metric.indexOf('@');
    String base = at < 0 ? metric : metric.substring(0, at);
    return MAXIMIZE_METRICS.contains(base);
  }

  /** True when the metric's base name (no {@code @} parameter) fits the objective. */
  static boolean fits(String base, String objective) {
    Optional<ContainerMetric> container = ContainerMetric.named(base);
    if (container.isPresent()) {
      return container.get().fits(objective);
    }
    List<String> allowed = NATIVE_METRIC_OBJECTIVES.get(base);
    if (allowed == null) {
      return true;
    }
    String family = objective.substring(0, Math.max(objective.indexOf(':'), 0));
    return allowed.contains(objective) || allowed.contains(family);
  }

  /** The objectives a metric's base name fits, in words, for messages. */
  static String fitting(String base) {
    Optional<ContainerMetric> container = ContainerMetric.named(base);
    if (container.isPresent()) {
      return container.get().families().stream().map(ObjectiveFamily::words)
          .collect(Collectors.joining(" or "));
    }
    List<String> allowed = NATIVE_METRIC_OBJECTIVES.getOrDefault(base, List.of());
    return allowed.stream().map(a -> a.contains(":") ? a : a + ":*").collect(Collectors.joining(", "));
  }

  private static Set<String> maximizeMetrics() {
    Set<String> s = new TreeSet<>(List.of("auc", "aucpr", "map", "ndcg", "pre", "interval-regression-accuracy"));
    for (ContainerMetric m : ContainerMetric.values()) {
      if (m.maximize()) {
        s.add(m.metricName());
      }
    }
    return Collections.unmodifiableSet(s);
  }

  private static void integer(Map<String, ParameterDefinition> m, String n, Interval i, Use u, String x) {
    add(m, n, Kind.INTEGER, i, List.of(), u, x, "");
  }

  private static void number(Map<String, ParameterDefinition> m, String n, Interval i, Use u, String x) {
    add(m, n, Kind.NUMBER, i, List.of(), u, x, "");
  }

  private static void choice(Map<String, ParameterDefinition> m, String n, List<String> c, Use u, String x) {
    add(m, n, Kind.CHOICE, null, c, u, x, "");
  }

  private static void ignored(Map<String, ParameterDefinition> m, String n, Kind k, Interval i, List<String> c) {
    add(m, n, k, i, c, Use.IGNORED, null, REMOVED);
  }

  private static void add(Map<String, ParameterDefinition> m, String n, Kind k, Interval i,
      List<String> c, Use u, String x, String note) {
    m.put(n, new ParameterDefinition(n, k, i, c, u, x, note));
  }
}
