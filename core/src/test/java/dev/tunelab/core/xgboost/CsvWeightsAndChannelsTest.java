package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.ResourceSpec;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** csv_weights=1 data and a missing InputDataConfig, checked by the built-in contract before anything is recorded. */
class CsvWeightsAndChannelsTest {

  private static final BuiltInXgboostContract CONTRACT = BuiltInXgboostContract.INSTANCE;

  private static TrainingJobSpec job(Map<String, String> hp, String contentType, List<String> channels) {
    List<ChannelSpec> specs = channels.stream().map(c -> new ChannelSpec(c, c + ".csv", contentType,
        "InputDataConfig[0].DataSource.S3DataSource.S3Uri")).toList();
    return new TrainingJobSpec("j", new AlgorithmSpec("xgboost:1", null, "File", List.of(), List.of(), List.of()),
        hp, specs, null, ResourceSpec.DEFAULT, Duration.ofHours(1), Map.of(), Path.of("."),
        JsonNodeFactory.instance.objectNode());
  }

  private static Dataset weighted(double... weights) {
    double[][] x = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      x[i] = new double[] {weights[i], i};
    }
    return new Dataset(x, new double[weights.length], List.of("w", "x"), new Provenance("/d/train.csv", "ab", ""));
  }

  @Test
  void aNegativeOrNonFiniteWeightIsRefusedWithFileLineAndValue() {
    TrainingJobSpec spec = job(Map.of("csv_weights", "1"), "text/csv", List.of("train"));
    SpecException e = assertThrows(SpecException.class,
        () -> CONTRACT.checkDatasets(spec, Map.of("train", weighted(1, 0, -2.5))));
    assertEquals("HyperParameters.csv_weights", e.field());
    assertTrue(e.getMessage().contains("/d/train.csv line 3 has weight -2.5"), e.getMessage());
    assertTrue(e.getMessage().contains("finite weights >= 0 in the second column"), e.getMessage());
    SpecException header = assertThrows(SpecException.class, () -> CONTRACT.checkDatasets(
        job(Map.of("csv_weights", "1"), "text/csv;header=present", List.of("train")),
        Map.of("train", weighted(Double.POSITIVE_INFINITY))));
    assertTrue(header.getMessage().contains("line 2 has weight Infinity"), header.getMessage());
    assertThrows(SpecException.class, () -> CONTRACT.checkDatasets(spec, Map.of("train", weighted(Double.NaN))));
    assertDoesNotThrow(() -> CONTRACT.checkDatasets(spec, Map.of("train", weighted(0, 1.5))));
    assertDoesNotThrow(() -> CONTRACT.checkDatasets(job(Map.of(), "text/csv", List.of("train")),
        Map.of("train", weighted(-1))), "without csv_weights the column is a feature");
  }

  @Test
  void weightsNeedACsvTrainChannelAndValidationHasItsOwnWeightColumn() {
    SpecException e = assertThrows(SpecException.class, () -> CONTRACT.checkDatasets(
        job(Map.of("csv_weights", "1"), "text/libsvm", List.of("train")), Map.of("train", weighted(1))));
    assertTrue(e.getMessage().contains("text/libsvm"), e.getMessage());
    TrainingJobSpec both = job(Map.of("csv_weights", "1"), "text/csv", List.of("train", "validation"));
    assertDoesNotThrow(() -> CONTRACT.checkDatasets(both, Map.of("train", weighted(1), "validation", weighted(2, 0))),
        "as in SageMaker's container, the validation channel's second column is its weight too");
    SpecException negative = assertThrows(SpecException.class,
        () -> CONTRACT.checkDatasets(both, Map.of("train", weighted(1), "validation", weighted(1, -3))));
    assertTrue(negative.getMessage().contains("second column of the validation channel"), negative.getMessage());
    assertTrue(negative.getMessage().contains("line 2 has weight -3.0"), negative.getMessage());
    Dataset noWeight = new Dataset(new double[][] {{1}}, new double[] {1}, List.of("x"), new Provenance("v", "", ""));
    SpecException narrow = assertThrows(SpecException.class,
        () -> CONTRACT.checkDatasets(both, Map.of("train", weighted(1), "validation", noWeight)));
    assertTrue(narrow.getMessage().contains("(it has 0)") || narrow.getMessage().contains("weight"), narrow.getMessage());
  }

  @Test
  void theBuiltInAlgorithmSaysItNeedsInputDataConfig() {
    SpecException e = assertThrows(SpecException.class, () -> CONTRACT.checkChannels(job(Map.of(), "text/csv", List.of())));
    assertEquals("InputDataConfig", e.field());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    assertTrue(e.getMessage().contains("one named 'train'"), e.getMessage());
  }
}
