package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundEvaluationTest {

  @ParameterizedTest
  @CsvSource({
      "3.7262098789215088, 3.72621",
      "0.64490878582, 0.644909",
      "1.2187249999, 1.21872",
      "12.0, 12",
      "10.13326030855973, 10.1333",
      "0.000015, 1.5e-05",
      "1234567.0, 1.23457e+06",
      "100000.0, 100000",
      "0.0001, 0.0001",
      "-2.5, -2.5",
      "0.0, 0"})
  void formatsLikeCppStreams(double value, String expected) {
    assertEquals(expected, RoundEvaluation.format(value));
  }

  @Test
  void parsesXGBoostsEvalStringAndPrintsSageMakersLine() {
    String nativeEval = "[36]\ttrain-rmse:1.21872493791580200\tvalidation-rmse:3.72620987892150879"
        + "\tvalidation-error@0.5:0.25000000000000000";
    RoundEvaluation e = RoundEvaluation.parse(36, nativeEval, List.of("train", "validation"));
    assertEquals(3, e.metrics().size());
    assertEquals("validation:rmse", e.metrics().get(1).sageMakerName());
    assertEquals(3.72621, e.metrics().get(1).value());
    assertEquals(3.72620987892150879, e.metrics().get(1).exact());
    assertEquals("error@0.5", e.metrics().get(2).metric());
    assertEquals("[36]\ttrain-rmse:1.21872\tvalidation-rmse:3.72621\tvalidation-error@0.5:0.25", e.logLine());
    assertEquals(e.metrics().get(0), e.find("train", "rmse"));
  }

  @Test
  void rejectsAnEntryOfAnUnknownChannel() {
    assertThrows(IllegalArgumentException.class,
        () -> RoundEvaluation.parse(0, "[0]\ttest-rmse:1.0", List.of("train", "validation")));
  }
}
