package dev.tunelab.core.process;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tunelab.core.spec.AlgorithmContract;
import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.FinalMetricRule;
import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.spec.ResourceSpec;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BringYourOwnContractTest {

  private static final MetricDefinition LOSS = new MetricDefinition("validation:loss", "val_loss=([0-9.]+)");
  private static final AlgorithmSpec COMMAND = new AlgorithmSpec("xgboost-lookalike:1", null, "File", List.of(LOSS),
      List.of("python3", "train.py"), List.of());
  private final AlgorithmContract contract = COMMAND.contract();

  @Test
  void anEntrypointSelectsTheCommandEvenWithAnXgboostImage() {
    assertInstanceOf(BringYourOwnContract.class, contract);
    assertEquals(Optional.empty(), new BringYourOwnProvider().contractFor(
        new AlgorithmSpec("xgboost:1", null, "File", List.of(), List.of(), List.of())));
  }

  @Test
  void itsMetricsAreItsMetricDefinitions() {
    assertDoesNotThrow(() -> contract.checkMetric("Objective.MetricName", "validation:loss"));
    SpecException e = assertThrows(SpecException.class, () -> contract.checkMetric("Objective.MetricName", "validation:rmse"));
    assertEquals("Objective.MetricName", e.field());
    assertTrue(e.getMessage().contains("[validation:loss]"), e.getMessage());
    assertEquals(LOSS, contract.metricDefinition("validation:loss"));
  }

  @Test
  void anyChannelsAsFiles_lastValueFinal_stoppedAtMaxResource() {
    TrainingJobSpec job = new TrainingJobSpec("j", COMMAND, Map.of("epochs", "3"),
        List.of(new ChannelSpec("images", "data/", "text/csv", "InputDataConfig[0].DataSource.S3DataSource.S3Uri")),
        null, ResourceSpec.DEFAULT, Duration.ofHours(1), Map.of(), Path.of("."), JsonNodeFactory.instance.objectNode());
    assertDoesNotThrow(() -> contract.checkChannels(job));
    assertEquals(List.of(), List.copyOf(contract.datasetChannels()));
    assertEquals(FinalMetricRule.LAST_EMITTED, contract.finalMetricRule(Map.of("early_stopping_rounds", "3")));
    assertEquals(Optional.empty(), contract.hyperbandResource());
    assertInstanceOf(ProcessTrainer.class, contract.createTrainer(job));
  }
}
