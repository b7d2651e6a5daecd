package dev.tunelab.optimizer.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchSpaceTest {

  @ParameterizedTest
  @ValueSource(strings = {"Auto", "Linear", "Logarithmic", "ReverseLogarithmic"})
  void scalingTypeWireNamesRoundTrip(String name) {
    assertEquals(name, ScalingType.fromSageMaker(name).sageMakerName());
  }

  @Test
  void unknownScalingTypeNamesValueAndAccepted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScalingType.fromSageMaker("log"));
    assertTrue(e.getMessage().contains("'log'") && e.getMessage().contains("ReverseLogarithmic"), e.getMessage());
  }

  @Test
  void autoIsLogarithmicFromTwoOrdersOfMagnitude() {
    assertEquals(ScalingType.LOGARITHMIC, new ContinuousRange("lr", 1e-4, 1e-2).effectiveScaling());
    assertEquals(ScalingType.LINEAR, new ContinuousRange("eta", 0.05, 0.5).effectiveScaling());
    assertEquals(ScalingType.LINEAR, new ContinuousRange("gamma", 0, 10).effectiveScaling());
    assertEquals(ScalingType.LOGARITHMIC, new IntegerRange("n", 1, 1000).effectiveScaling());
    assertEquals(ScalingType.LINEAR, new IntegerRange("depth", 3, 12).effectiveScaling());
  }

  @Test
  void sageMakerRulesAreEnforced() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ContinuousRange("gamma", 0, 10, ScalingType.LOGARITHMIC));
    assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("MinValue > 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ContinuousRange("m", 0.5, 1.0, ScalingType.REVERSE_LOGARITHMIC));
    assertThrows(IllegalArgumentException.class, () -> new ContinuousRange("m", -0.1, 0.9, ScalingType.REVERSE_LOGARITHMIC));
    new ContinuousRange("m", 0.0, 0.999, ScalingType.REVERSE_LOGARITHMIC);
    assertThrows(IllegalArgumentException.class, () -> new IntegerRange("k", 1, 10, ScalingType.REVERSE_LOGARITHMIC));
    assertThrows(IllegalArgumentException.class, () -> new IntegerRange("k", 0, 10, ScalingType.LOGARITHMIC));
    assertThrows(IllegalArgumentException.class, () -> new IntegerRange("k", 5, 4));
    assertThrows(IllegalArgumentException.class, () -> new ContinuousRange("x", 1, Double.NaN));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      many.add("v" + i);
    }
    assertThrows(IllegalArgumentException.class, () -> new CategoricalRange("c", many));
    assertThrows(IllegalArgumentException.class, () -> new CategoricalRange("c", List.of("a", "a")));
  }

  @Test
  void spaceLimitsAndUniqueNames() {
    List<ParameterRange> r = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      r.add(new ContinuousRange("x" + i, 0, 1));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SearchSpace(r));
    assertTrue(e.getMessage().contains("31"), e.getMessage());
    assertEquals(30, new SearchSpace(r.subList(0, 30)).size());
    assertThrows(IllegalArgumentException.class, () -> new SearchSpace(List.of(
        new ContinuousRange("a", 0, 1), new IntegerRange("a", 0, 1))));
    assertThrows(IllegalArgumentException.class, () -> new SearchSpace(List.of()));
  }

  @Test
  void configurationStringsAndTypes() {
    Configuration c = new Configuration(Map.of("depth", 5, "eta", 0.1, "booster", "gbtree"));
    assertEquals(5L, c.getLong("depth"));
    assertEquals("5", c.asStrings().get("depth"));
    assertEquals("0.1", c.asStrings().get("eta"));
    assertEquals("gbtree", c.getString("booster"));
    assertThrows(IllegalArgumentException.class, () -> c.getLong("eta"));
    assertThrows(IllegalArgumentException.class, () -> c.getDouble("nope"));
    assertEquals(c, new Configuration(Map.of("depth", 5L, "eta", 0.1, "booster", "gbtree")));
  }

  @Test
  void cardinality() {
    SearchSpace s = new SearchSpace(List.of(new IntegerRange("a", 1, 4), new CategoricalRange("b", List.of("x", "y", "z"))));
    assertEquals(12, s.cardinality());
    assertTrue(s.isFinite());
  }
}
