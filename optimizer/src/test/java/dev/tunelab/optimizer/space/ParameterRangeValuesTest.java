package dev.tunelab.optimizer.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each range parses, formats and bounds its own values, so no caller asks which kind it holds. */
class ParameterRangeValuesTest {

  private final IntegerRange depth = new IntegerRange("max_depth", 3, 12);
  private final ContinuousRange eta = new ContinuousRange("eta", 0.05, 0.5);
  private final CategoricalRange booster = new CategoricalRange("booster", List.of("gbtree", "dart"));

  @Test
  void integerValuesParseAsLongsAndFormatAsDigits() {
    assertEquals(5L, depth.parse("5"));
    assertEquals(5L, depth.parse(" 5 "));
    assertEquals(6L, depth.parse("5.6"), "a decimal another job wrote is rounded");
    assertThrows(IllegalArgumentException.class, () -> depth.parse("five"));
    assertThrows(IllegalArgumentException.class, () -> depth.parse("NaN"));
    assertEquals("7", depth.format(7L));
    assertEquals(List.of("3", "12"), depth.extremes());
    assertTrue(depth.contains(12L));
    assertFalse(depth.contains(13L));
    assertFalse(depth.contains(5.0), "a Double is not an integer range's value");
    assertTrue(depth.discrete());
  }

  @Test
  void continuousValuesParseAsDoublesAndFormatAsShortestDecimal() {
    assertEquals(0.1, eta.parse("0.1"));
    assertEquals(1e-4, eta.parse("1e-4"));
    assertThrows(IllegalArgumentException.class, () -> eta.parse("fast"));
    assertEquals("0.1", eta.format(0.1));
    assertEquals(List.of("0.05", "0.5"), eta.extremes());
    assertTrue(eta.contains(0.05));
    assertFalse(eta.contains(0.51));
    assertFalse(eta.contains(Double.NaN));
    assertFalse(eta.discrete());
  }

  @Test
  void categoricalValuesAreTheirOwnText() {
    assertEquals("dart", booster.parse("dart"));
    assertEquals("dart", booster.format("dart"));
    assertEquals(List.of("gbtree", "dart"), booster.extremes());
    assertTrue(booster.contains("gbtree"));
    assertFalse(booster.contains("gblinear"));
    assertTrue(booster.discrete());
  }

  @Test
  void formatThenParseGivesTheValueBackForEveryKind() {
    for (ParameterRange r : List.<ParameterRange>of(depth, eta, booster)) {
      for (String edge : r.extremes()) {
        Object v = r.parse(edge);
        assertEquals(edge, r.format(v), r.name());
        assertTrue(r.contains(v), r.name());
      }
    }
  }

  @Test
  void withNameKeepsEverythingButTheName() {
    assertEquals(new IntegerRange("d", 3, 12), depth.withName("d"));
    assertEquals(new ContinuousRange("e", 0.05, 0.5), eta.withName("e"));
    assertEquals(new CategoricalRange("b", List.of("gbtree", "dart")), booster.withName("b"));
    assertThrows(IllegalArgumentException.class, () -> depth.withName(" "));
  }

  @Test
  void aVisitorIsCalledForTheRangesOwnKind() {
    ParameterRange.Visitor<String> kind = new ParameterRange.Visitor<>() {
      @Override
      public String continuous(ContinuousRange range) {
        return "c:" + range.name();
      }

      @Override
      public String integer(IntegerRange range) {
        return "i:" + range.name();
      }

      @Override
      public String categorical(CategoricalRange range) {
        return "k:" + range.name();
      }
    };
    assertEquals(List.of("i:max_depth", "c:eta", "k:booster"),
        List.of(depth.accept(kind), eta.accept(kind), booster.accept(kind)));
    assertEquals(List.of("integer", "continuous", "categorical"), List.of(depth.kind(), eta.kind(), booster.kind()));
  }
}
