package dev.tunelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The request's enumerated values are typed, with SageMaker's spelling in and out. */
class SageMakerEnumsTest {

  @Test
  void strategiesKeepSageMakersNamesAndOrder() {
    assertEquals(List.of("Bayesian", "Random", "Grid", "Hyperband"), TuningStrategy.sageMakerNames());
    for (TuningStrategy s : TuningStrategy.values()) {
      assertEquals(s, TuningStrategy.fromSageMaker(s.sageMakerName()));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TuningStrategy.fromSageMaker("bayesian"));
    assertTrue(e.getMessage().contains("bayesian"), e.getMessage());
  }

  @Test
  void earlyStoppingTypes() {
    assertEquals(List.of("Off", "Auto"), EarlyStoppingType.sageMakerNames());
    assertEquals(EarlyStoppingType.AUTO, EarlyStoppingType.fromSageMaker("Auto"));
    assertThrows(IllegalArgumentException.class, () -> EarlyStoppingType.fromSageMaker("auto"));
  }

  @Test
  void warmStartTypes() {
    assertEquals(List.of("IdenticalDataAndAlgorithm", "TransferLearning"), WarmStartType.sageMakerNames());
    assertEquals(WarmStartType.TRANSFER_LEARNING, WarmStartType.fromSageMaker("TransferLearning"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WarmStartType.fromSageMaker("Transfer"));
    assertTrue(e.getMessage().contains("Transfer'"), e.getMessage());
    assertTrue(new TuningJobSpec.WarmStart(WarmStartType.IDENTICAL_DATA_AND_ALGORITHM, List.of("p")).identical());
    assertTrue(!new TuningJobSpec.WarmStart(WarmStartType.TRANSFER_LEARNING, List.of("p")).identical());
  }
}
