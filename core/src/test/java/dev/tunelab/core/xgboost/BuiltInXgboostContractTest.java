package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tunelab.core.train.RecordingListener;
import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.FinalMetricRule;
import dev.tunelab.core.spec.ResourceSpec;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.datasets.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltInXgboostContractTest {

  private static final BuiltInXgboostContract CONTRACT = BuiltInXgboostContract.INSTANCE;
  private static Boston boston;
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    boston = Boston.split(42);
  }

  private static AlgorithmSpec algorithm(String image, String name, List<String> entrypoint) {
    return new AlgorithmSpec(image, name, "File", List.of(), entrypoint, List.of());
  }

  private static TrainingJobSpec job(Map<String, String> hyperParameters, String... channels) {
    List<ChannelSpec> specs = java.util.Arrays.stream(channels)
        .map(c -> new ChannelSpec(c, "dataset:boston/" + c, "text/csv", "InputDataConfig." + c + ".S3Uri")).toList();
    return new TrainingJobSpec("j", algorithm("xgboost:1", null, List.of()), hyperParameters, specs, null,
        ResourceSpec.DEFAULT, Duration.ofHours(1), Map.of(), Path.of("."), JsonNodeFactory.instance.objectNode());
  }

  @Test
  void theProviderSelectsAnXgboostImageOrNameWithoutAnEntrypoint() {
    BuiltInXgboostProvider provider = new BuiltInXgboostProvider();
    assertSame(CONTRACT, provider.contractFor(algorithm("811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1",
        null, List.of())).orElseThrow());
    assertSame(CONTRACT, provider.contractFor(algorithm(null, "XGBoost", List.of())).orElseThrow());
    assertEquals(Optional.empty(), provider.contractFor(algorithm("xgboost:1", null, List.of("python3"))));
    assertEquals(Optional.empty(), provider.contractFor(algorithm("lightgbm:1", null, List.of())));
    assertSame(CONTRACT, algorithm("xgboost:1", null, List.of()).contract(), "installed as a service");
  }

  @Test
  void trainIsRequiredAndValidationToo_withEarlyStopping() {
    SpecException noTrain = assertThrows(SpecException.class, () -> CONTRACT.checkChannels(job(Map.of(), "validation")));
    assertEquals("InputDataConfig", noTrain.field());
    SpecException noValidation = assertThrows(SpecException.class,
        () -> CONTRACT.checkChannels(job(Map.of("early_stopping_rounds", "5"), "train")));
    assertTrue(noValidation.getMessage().contains("early_stopping_rounds"), noValidation.getMessage());
    assertDoesNotThrow(() -> CONTRACT.checkChannels(job(Map.of(), "train")));
    assertEquals(java.util.Set.of("train", "validation"), CONTRACT.datasetChannels());
  }

  @Test
  void validationDataMustHaveTheTrainChannelsColumns() {
    Dataset narrow = new Dataset(new double[][] {{1}, {2}}, new double[] {1, 2}, List.of("x"),
        boston.validation.provenance());
    SpecException e = assertThrows(SpecException.class, () -> CONTRACT.checkDatasets(job(Map.of(), "train", "validation"),
        Map.of("train", boston.train, "validation", narrow)));
    assertEquals("InputDataConfig.validation.S3Uri", e.field());
    assertDoesNotThrow(() -> CONTRACT.checkDatasets(job(Map.of(), "train", "validation"),
        Map.of("train", boston.train, "validation", boston.validation)));
  }

  @Test
  void earlyStoppingMakesTheBestIterationFinal_andHyperbandSetsNumRound() {
    assertEquals(FinalMetricRule.BEST_ITERATION, CONTRACT.finalMetricRule(Map.of("early_stopping_rounds", "10")));
    assertEquals(FinalMetricRule.LAST_EMITTED, CONTRACT.finalMetricRule(Map.of("num_round", "10")));
    assertEquals(Optional.of("num_round"), CONTRACT.hyperbandResource());
  }

  /**
   * Every kind of metric the contract accepts is one the trainer really emits under that name.
   * Labels: r = Boston's price, b = price above 22 (0/1), m = three price classes (0, 1, 2).
   */
  @ParameterizedTest
  @CsvSource({
      "rmse, reg:squarederror, r", "rmsle, reg:squarederror, r", "mae, reg:squarederror, r",
      "mape, reg:squarederror, r", "mphe, reg:pseudohubererror, r", "poisson-nloglik, count:poisson, r",
      "gamma-nloglik, reg:gamma, r", "gamma-deviance, reg:gamma, r", "cox-nloglik, survival:cox, r",
      "tweedie-nloglik@1.5, reg:tweedie, r", "logloss, binary:logistic, b", "error, binary:logistic, b",
      "error@0.7, binary:logistic, b", "auc, binary:logistic, b", "aucpr, binary:logistic, b",
      "merror, multi:softmax, m", "mlogloss, multi:softprob, m", "ndcg, rank:pairwise, m",
      "ndcg@5, rank:ndcg, m", "map, rank:pairwise, b", "map@3, rank:map, b"})
  void anAcceptedMetricIsEmittedByTheTrainer(String metric, String objective, char labels) {
    String name = "validation:" + metric;
    assertDoesNotThrow(() -> CONTRACT.checkMetric("MetricName", name));
    DoubleUnaryOperator label = switch (labels) {
      case 'b' -> y -> y > 22 ? 1 : 0;
      case 'm' -> y -> Math.min(2, Math.floor(y / 15));
      default -> y -> y;
    };
    Map<String, String> hp = new HashMap<>(Map.of("num_round", "2", "objective", objective,
        "_tuning_objective_metric", name));
    if (objective.startsWith("multi:")) {
      hp.put("num_class", "3");
    }
    TrainingOutcome out = new XGBoostTrainer().train(new TrainingRequest("m", hp,
        Map.of("train", relabel(boston.train, label), "validation", relabel(boston.validation, label)), Map.of(),
        dir.resolve("job"), Duration.ofMinutes(5), 1, null), new RecordingListener());
    assertEquals(TrainingOutcome.Status.COMPLETED, out.status(), out.failureReason());
    assertTrue(out.finalMetrics().containsKey(name), name + " not in " + out.finalMetrics());
    assertEquals(name, CONTRACT.metricDefinition(name).name());
  }

  private static Dataset relabel(Dataset d, DoubleUnaryOperator f) {
    double[] y = d.labels().clone();
    for (int i = 0; i < y.length; i++) {
      y[i] = f.applyAsDouble(y[i]);
    }
    return new Dataset(d.features(), y, d.featureNames(), d.provenance());
  }

  @Test
  void aMetricNameWithSpacesAroundItIsRefused() {
    SpecException e = assertThrows(SpecException.class, () -> CONTRACT.checkMetric("MetricName", " validation:rmse"));
    assertEquals("MetricName", e.field());
  }
}
