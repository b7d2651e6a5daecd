package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.metrics.ContainerMetric;
import dev.tunelab.core.spec.SpecException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XGBoostHyperParametersTest {

  static Map<String, String> with(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("num_round", "10");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static SpecException rejected(Map<String, String> hp) {
    return assertThrows(SpecException.class, () -> XGBoostHyperParameters.parse(hp));
  }

  @Test
  void defaultsFollowSageMaker() {
    XGBoostHyperParameters hp = XGBoostHyperParameters.parse(Map.of("num_round", "10"));
    assertEquals(10, hp.numRound());
    assertEquals(OptionalInt.empty(), hp.earlyStoppingRounds());
    assertEquals("reg:squarederror", hp.objective());
    assertEquals(List.of(), hp.evalMetrics());
    assertEquals(Optional.empty(), hp.earlyStoppingMetric());
    assertFalse(hp.csvWeights());
    Map<String, String> params = hp.boosterParams(3, 227);
    assertEquals(Map.of("objective", "reg:squarederror", "nthread", "3", "tree_method", "exact", "verbosity", "0"),
        params);
  }

  @Test
  void courseHyperParametersMapToXGBoostNames() {
    Map<String, String> course = Map.of("max_depth", "5", "eta", "0.2", "gamma", "4", "min_child_weight", "6",
        "subsample", "0.8", "objective", "reg:linear", "early_stopping_rounds", "10", "num_round", "200",
        "_tuning_objective_metric", "validation:rmse");
    XGBoostHyperParameters hp = XGBoostHyperParameters.parse(course);
    assertEquals("reg:squarederror", hp.objective());
    assertEquals(OptionalInt.of(10), hp.earlyStoppingRounds());
    assertEquals(List.of("rmse"), hp.evalMetrics());
    assertEquals(Optional.of("rmse"), hp.earlyStoppingMetric());
    Map<String, String> params = hp.boosterParams(1, 227);
    assertEquals("5", params.get("max_depth"));
    assertEquals("0.2", params.get("eta"));
    assertEquals("4", params.get("gamma"));
    assertEquals("6", params.get("min_child_weight"));
    assertEquals("0.8", params.get("subsample"));
    assertEquals("reg:squarederror", params.get("objective"));
    assertFalse(params.containsKey("num_round"));
    assertFalse(params.containsKey("early_stopping_rounds"));
    assertFalse(params.containsKey("_tuning_objective_metric"));
    assertFalse(params.containsKey("eval_metric"), "eval_metric is set once per metric by the trainer");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = ';', value = {
      "eta;0;a number in (0, 1]",
      "eta;1.5;a number in (0, 1]",
      "eta;fast;a number in (0, 1]",
      "eta;NaN;a number in (0, 1]",
      "learning_rate;-0.1;a number in (0, 1]",
      "gamma;-1;a number in [0, 3.4028235e38]",
      "max_depth;2.5;an integer from 0 to 2147483647",
      "max_depth;-1;an integer from 0 to 2147483647",
      "min_child_weight;-0.1;a number in [0, ",
      "max_delta_step;-1;a number in [0, ",
      "subsample;0;a number in (0, 1]",
      "subsample;1.01;a number in (0, 1]",
      "colsample_bytree;0;a number in (0, 1]",
      "colsample_bylevel;2;a number in (0, 1]",
      "colsample_bynode;-1;a number in (0, 1]",
      "alpha;-1;a number in [0, ",
      "lambda;-2;a number in [0, ",
      "num_round;0;an integer from 1 to 100000",
      "num_round;ten;an integer from 1 to 100000",
      "early_stopping_rounds;0;an integer from 1 to 100000",
      "scale_pos_weight;0;a number in (0, 3.4028235e38]",
      "tweedie_variance_power;2;a number in (1, 2)",
      "seed;2147483647;an integer from -2147483647 to 2147483646",
      "verbosity;4;an integer from 0 to 3",
      "nthread;0;an integer from 1 to 1024",
      "csv_weights;2;an integer from 0 to 1",
      "objective;reg:magic;one of binary:logistic",
      "booster;gbforest;one of gbtree, gblinear, dart",
      "tree_method;fastest;one of auto, exact, approx, hist, gpu_hist",
      "grow_policy;breadth;one of depthwise, lossguide",
      "eval_metric;rmse,foo;one of ",
      "eval_metric;f1@2;'f1' takes no @ parameter",
      "eval_metric;rmse,f1;'f1' fits only binary classification (binary:*) or multiclass classification (multi:*)",
      "eval_metric;logloss;for reg:squarederror use one of mae, mape, mphe, mse, r2, rmse, rmsle",
      "eval_metric;rmse@3;a metric with a numeric parameter only for error, ndcg, map and tweedie-nloglik",
      "eval_metric;aft-nloglik;needs label_lower_bound and label_upper_bound",
      "eval_metric;interval-regression-accuracy;needs label_lower_bound and label_upper_bound",
      "eval_metric;tweedie-nloglik;tweedie-nloglik@<rho>",
      "_tuning_objective_metric;validation:error@0.70;validation:error@0.7 (the name XGBoost reports",
      "_tuning_objective_metric;validation:error@0.5;validation:error (the name XGBoost reports",
      "_tuning_objective_metric;test:rmse;train:<metric> or validation:<metric>",
      "_tuning_objective_metric;validation:accuracy;'accuracy' fits only binary",
      "_tuning_objective_metric;validation:mlogloss;'mlogloss' fits only multi:*",
      "monotone_constraints;(1,2);a tuple of -1, 0 and 1",
      "interaction_constraints;[0,1];a list of lists of feature indices",
      // issue 13, fault 15: values past what XGBoost holds are refused, saying the bound
      "num_round;2147483648;an integer from 1 to 100000",
      "num_round;100001;an integer from 1 to 100000",
      "max_depth;1e10;an integer from 0 to 2147483647",
      "gamma;1e300;a number in [0, 3.4028235e38]",
      "gamma;1e400;a number in [0, 3.4028235e38]",
      "nthread;2147483647;an integer from 1 to 1024"})
  void badValuesAreRejectedNamingFieldValueAndWhatIsAccepted(String name, String value, String expected) {
    SpecException e = rejected(with(name, value));
    // the tuning job's objective metric is named by the request field the user wrote it in
    assertEquals(name.equals("_tuning_objective_metric")
        ? "HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName" : "HyperParameters." + name,
        e.field());
    assertFalse(e.getMessage().contains("_tuning_objective_metric"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void etaZeroMessageIsExact() {
    assertEquals("HyperParameters.eta: got '0'; expected a number in (0, 1]", rejected(with("eta", "0")).getMessage());
  }

  @Test
  void unknownNameIsRejectedListingTheKnownOnes() {
    SpecException e = rejected(with("max_dept", "5"));
    assertEquals("HyperParameters.max_dept", e.field());
    assertTrue(e.getMessage().contains("one of the XGBoost hyperparameters: num_round, "), e.getMessage());
    assertTrue(e.getMessage().contains("max_depth"));
  }

  @Test
  void numRoundIsRequired() {
    SpecException e = rejected(Map.of("eta", "0.2"));
    assertEquals("HyperParameters.num_round", e.field());
    assertTrue(e.getMessage().contains("missing"));
  }

  @Test
  void regLinearIsTheOldNameOfSquaredError() {
    assertEquals("reg:squarederror", XGBoostHyperParameters.parse(with("objective", "reg:linear")).objective());
  }

  @Test
  void multiClassNeedsNumClassAndOnlyMultiClassAcceptsIt() {
    assertEquals("HyperParameters.num_class", rejected(with("objective", "multi:softmax")).field());
    assertEquals("HyperParameters.num_class", rejected(with("num_class", "3")).field());
    XGBoostHyperParameters hp = XGBoostHyperParameters.parse(with("objective", "multi:softprob", "num_class", "3"));
    assertEquals("3", hp.boosterParams(1, 10).get("num_class"));
  }

  @Test
  void aucNeedsAClassificationOrRankingObjective() {
    SpecException e = rejected(with("eval_metric", "auc"));
    assertEquals("HyperParameters.eval_metric", e.field());
    assertEquals(List.of("auc"),
        XGBoostHyperParameters.parse(with("eval_metric", "auc", "objective", "binary:logistic")).evalMetrics());
  }

  @Test
  void tuningMetricIsAddedToEvalMetricsAndDecidesEarlyStopping() {
    XGBoostHyperParameters both = XGBoostHyperParameters.parse(
        with("eval_metric", "rmse,mae", "_tuning_objective_metric", "validation:rmse"));
    assertEquals(List.of("mae", "rmse"), both.evalMetrics());
    assertEquals(Optional.of("rmse"), both.earlyStoppingMetric());
    XGBoostHyperParameters evalOnly = XGBoostHyperParameters.parse(with("eval_metric", "rmse,mae"));
    assertEquals(List.of("rmse", "mae"), evalOnly.evalMetrics());
    assertEquals(Optional.of("mae"), evalOnly.earlyStoppingMetric(), "the last eval metric");
    XGBoostHyperParameters threshold = XGBoostHyperParameters.parse(
        with("objective", "binary:logistic", "eval_metric", "error@0.7"));
    assertEquals(List.of("error@0.7"), threshold.evalMetrics());
  }

  @Test
  void containerMetricsAreAcceptedWhereTheyFitAndReportedAfterXGBoostsOwn() {
    XGBoostHyperParameters f1 = XGBoostHyperParameters.parse(with("objective", "binary:logistic",
        "eval_metric", "auc,accuracy", "_tuning_objective_metric", "validation:f1"));
    assertEquals(List.of("auc"), f1.evalMetrics(), "only the metrics XGBoost computes reach XGBoost");
    assertEquals(List.of(ContainerMetric.ACCURACY, ContainerMetric.F1), f1.containerMetrics(), "sorted union");
    assertEquals(Optional.of("f1"), f1.earlyStoppingMetric());
    XGBoostHyperParameters multi = XGBoostHyperParameters.parse(with("objective", "multi:softprob",
        "num_class", "3", "eval_metric", "f1_macro,mlogloss"));
    assertEquals(List.of("mlogloss"), multi.evalMetrics());
    assertEquals(Optional.of("f1_macro"), multi.earlyStoppingMetric(), "the last metric reported");
    XGBoostHyperParameters r2 = XGBoostHyperParameters.parse(with("_tuning_objective_metric", "validation:r2"));
    assertEquals(List.of(), r2.evalMetrics(), "XGBoost's default metric is printed too");
    assertEquals(List.of(ContainerMetric.R2), r2.containerMetrics());
    assertTrue(HyperParameterCatalog.maximize("r2") && HyperParameterCatalog.maximize("f1")
        && HyperParameterCatalog.maximize("balanced_accuracy") && !HyperParameterCatalog.maximize("mse"));
    SpecException e = rejected(with("objective", "multi:softmax", "num_class", "3",
        "_tuning_objective_metric", "validation:f1_binary"));
    assertTrue(e.getMessage().contains("objective=multi:softmax"), e.getMessage());
  }

  @Test
  void aliasesResolveAndMayNotBeGivenTwice() {
    XGBoostHyperParameters hp = XGBoostHyperParameters.parse(with("learning_rate", "0.1", "reg_alpha", "2"));
    assertEquals("0.1", hp.boosterParams(1, 10).get("eta"));
    assertEquals("2", hp.boosterParams(1, 10).get("alpha"));
    SpecException e = rejected(with("eta", "0.1", "learning_rate", "0.2"));
    assertTrue(e.getMessage().contains("only one of eta and its alias learning_rate"), e.getMessage());
  }

  @Test
  void integersMayBeWrittenAsIntegralDecimals() {
    assertEquals("5", XGBoostHyperParameters.parse(with("max_depth", "5.0")).boosterParams(1, 10).get("max_depth"));
    assertEquals(200, XGBoostHyperParameters.parse(Map.of("num_round", "200.0")).numRound());
  }

  @Test
  void nthreadOverridesTheRequestThreads() {
    XGBoostHyperParameters hp = XGBoostHyperParameters.parse(with("nthread", "2"));
    assertEquals(OptionalInt.of(2), hp.nthread());
    assertEquals("2", hp.boosterParams(8, 10).get("nthread"));
  }

  @Test
  void treeMethodAutoIsWhatTheImagesXgboostChose() {
    assertEquals("exact", XGBoostHyperParameters.parse(with()).boosterParams(1, 1000).get("tree_method"));
    assertEquals("exact", XGBoostHyperParameters.parse(with("tree_method", "auto"))
        .boosterParams(1, XGBoostHyperParameters.AUTO_EXACT_MAX_ROWS - 1).get("tree_method"));
    // XGBoost before 2.0: approx from 2^22 rows (learner.cc's 4UL << 20UL)
    assertEquals("approx", XGBoostHyperParameters.parse(with("tree_method", "auto"))
        .boosterParams(1, XGBoostHyperParameters.AUTO_EXACT_MAX_ROWS).get("tree_method"));
    XgboostImage x17 = XgboostImage.of("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", null);
    assertEquals("exact", XGBoostHyperParameters.parse(with()).boosterParams(1, 200_000, x17).get("tree_method"));
    XgboostImage x30 = XgboostImage.of("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5", null);
    assertEquals("hist", XGBoostHyperParameters.parse(with()).boosterParams(1, 10, x30).get("tree_method"));
    assertEquals("exact", XGBoostHyperParameters.parse(with("tree_method", "exact"))
        .boosterParams(1, 10, x30).get("tree_method"), "an explicit tree_method is kept");
    Map<String, String> gpuHist = XGBoostHyperParameters.parse(with("tree_method", "gpu_hist")).boosterParams(1, 10);
    assertEquals("hist", gpuHist.get("tree_method"));
    assertEquals("cuda", gpuHist.get("device"), "gpu_hist is hist on the GPU");
    assertEquals("approx", XGBoostHyperParameters.parse(with("tree_method", "approx")).boosterParams(1, 10).get("tree_method"));
  }

  @Test
  void constraintsNeedATreeMethodThatSupportsThem() {
    SpecException e = rejected(with("monotone_constraints", "(1,0,-1)"));
    assertEquals("HyperParameters.tree_method", e.field());
    XGBoostHyperParameters hp = XGBoostHyperParameters.parse(
        with("monotone_constraints", "[1, 0, -1]", "tree_method", "hist", "interaction_constraints", "[[0, 1], [2]]"));
    assertEquals("(1,0,-1)", hp.boosterParams(1, 10).get("monotone_constraints"));
    assertEquals("[[0,1],[2]]", hp.boosterParams(1, 10).get("interaction_constraints"));
  }

  @Test
  void parametersXGBoostRemovedAreAcceptedButNotPassed() {
    XGBoostHyperParameters hp = XGBoostHyperParameters.parse(
        with("sketch_eps", "0.03", "predictor", "cpu_predictor", "silent", "1", "verbosity", "2"));
    Map<String, String> params = hp.boosterParams(1, 10);
    assertFalse(params.containsKey("sketch_eps"));
    assertFalse(params.containsKey("predictor"));
    assertEquals("0", params.get("verbosity"), "the native library always runs silent");
    assertEquals("0.03", hp.values().get("sketch_eps"));
  }

  @Test
  void kFoldIsAcceptedFromTwoFoldsOn() {
    assertEquals(5, XGBoostHyperParameters.parse(with("_kfold", "5")).kfold().getAsInt());
    assertEquals(1, XGBoostHyperParameters.parse(with("_kfold", "5")).numCvRound());
    assertEquals(3, XGBoostHyperParameters.parse(with("_kfold", "5", "_num_cv_round", "3")).numCvRound());
    assertTrue(XGBoostHyperParameters.parse(with()).kfold().isEmpty());
    SpecException e = rejected(with("_kfold", "1"));
    assertEquals("HyperParameters._kfold", e.field());
    assertTrue(e.getMessage().contains("an integer from 2 to 2147483647"), e.getMessage());
  }

  @Test
  void imageTagsNameTheXgboostVersion() {
    assertEquals(XgboostImage.COURSE, XgboostImage.of("811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1", null));
    assertEquals(XgboostImage.COURSE, XgboostImage.of("811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:latest", null));
    assertEquals(XgboostImage.COURSE, XgboostImage.of("xgboost", null));
    assertEquals(XgboostImage.COURSE, XgboostImage.of(null, "xgboost"));
    assertEquals(XgboostImage.COURSE, XgboostImage.of("localhost:5000/xgboost", null), "a registry port is no tag");
    assertEquals(XgboostImage.COURSE, XgboostImage.of("x/sagemaker-xgboost@sha256:abc", null));
    assertEquals("0.90", XgboostImage.of("x/sagemaker-xgboost:0.90-2-cpu-py3", null).version());
    assertEquals("1.7", XgboostImage.of("x/sagemaker-xgboost:1.7-1", null).version());
    assertEquals("2.0", XgboostImage.of("x/sagemaker-xgboost:2.0-1", null).version());
    assertEquals("hist", XgboostImage.of("x/sagemaker-xgboost:2.0-1", null).autoTreeMethod(10));
    assertEquals("exact", XgboostImage.of("x/sagemaker-xgboost:1.5-1", null).autoTreeMethod((1L << 22) - 1));
    assertEquals("approx", XgboostImage.of("x/sagemaker-xgboost:1.5-1", null).autoTreeMethod(1L << 22));
  }

  @Test
  void deviceIsPassedToXGBoostAndGpuHistIsHistOnCuda() {
    assertEquals("cuda:1", XGBoostHyperParameters.parse(with("device", "cuda:1")).boosterParams(1, 10).get("device"));
    assertEquals("hist", XGBoostHyperParameters.parse(with("device", "cuda")).boosterParams(1, 10).get("tree_method"),
        "auto on a GPU is hist, whatever the image");
    Map<String, String> both = XGBoostHyperParameters.parse(with("device", "cuda:0", "tree_method", "gpu_hist"))
        .boosterParams(1, 10);
    assertEquals("cuda:0", both.get("device"));
    assertEquals("hist", both.get("tree_method"));
    assertEquals("cpu", XGBoostHyperParameters.parse(with("device", "cpu")).boosterParams(1, 10).get("device"));
    assertFalse(XGBoostHyperParameters.parse(with()).boosterParams(1, 10).containsKey("device"));
    SpecException e = rejected(with("device", "cpu", "tree_method", "gpu_hist"));
    assertEquals("HyperParameters.tree_method", e.field());
    assertTrue(e.getMessage().contains("hist (or no tree_method) with device=cpu"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"tpu", "cuda:x", "gpu", "cuda:", "cuda:01", "cuda:-1", "Cuda", "cpu:0"})
  void badDevicesNameTheFieldTheValueAndWhatIsAccepted(String bad) {
    SpecException e = rejected(with("device", bad));
    assertEquals("HyperParameters.device", e.field());
    assertEquals("HyperParameters.device: got '" + bad + "'; expected cpu, cuda (the first visible CUDA GPU) or"
        + " cuda:<n> (the CUDA GPU numbered n, from 0)", e.getMessage());
  }

  @Test
  void gpuRequestsComeFromDeviceOrGpuHist() {
    assertEquals(Optional.of(new dev.tunelab.core.gpu.GpuRequest("device=cuda:2", OptionalInt.of(2))),
        XGBoostHyperParameters.gpuRequest(XGBoostHyperParameters.parse(with("device", "cuda:2")).values()));
    assertEquals(Optional.of(new dev.tunelab.core.gpu.GpuRequest("tree_method=gpu_hist", OptionalInt.empty())),
        XGBoostHyperParameters.gpuRequest(XGBoostHyperParameters.parse(with("tree_method", "gpu_hist")).values()));
    assertEquals(Optional.empty(),
        XGBoostHyperParameters.gpuRequest(XGBoostHyperParameters.parse(with("device", "cpu")).values()));
    assertEquals(Optional.empty(),
        XGBoostHyperParameters.gpuRequest(XGBoostHyperParameters.parse(with("tree_method", "hist")).values()));
  }
}
