package dev.tunelab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.MetricDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricExtractorTest {

  private static MetricExtractor extractor(MetricDefinition... defs) {
    List<MetricDefinition> list = List.of(defs);
    return new MetricExtractor(list, MetricDefinition.validate(list));
  }

  @ParameterizedTest
  @CsvSource({"0.5, 0.5", "-1.25e-3, -0.00125", "+3, 3", ".5, 0.5", "7., 7", "1E2, 100"})
  void decimalNumbersAreAccepted(String text, double expected) {
    MetricExtractor x = extractor(new MetricDefinition("m", "m=(\\S+)"));
    List<MetricExtractor.Observation> found = x.scan("m=" + text, n -> { });
    assertEquals(List.of(new MetricExtractor.Observation("m", 0, expected)), found);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nan", "NaN", "abc", "inf", "Infinity", "1f", "0x10", "1e999", "0.5,"})
  void otherValuesAreIgnoredWithANotice(String text) {
    MetricExtractor x = extractor(new MetricDefinition("m", "m=(\\S+)"));
    List<String> notices = new ArrayList<>();
    assertEquals(List.of(), x.scan("m=" + text, notices::add));
    assertEquals(1, notices.size());
    assertTrue(notices.get(0).contains("'" + text + "'"), notices.get(0));
    assertEquals(Map.of(), x.lastValues());
    assertEquals(0, x.maxCount());
  }

  @Test
  void iterationsCountEachMetricsAcceptedValuesSeparately() {
    MetricExtractor x = extractor(new MetricDefinition("a", "a=([0-9.]+)"),
        new MetricDefinition("b", "b=(\\S+)"));
    x.scan("a=1 b=2", n -> { });
    x.scan("b=nan", n -> { });
    List<MetricExtractor.Observation> third = x.scan("a=3 b=4", n -> { });
    assertEquals(List.of(new MetricExtractor.Observation("a", 1, 3),
        new MetricExtractor.Observation("b", 1, 4)), third);
    x.scan("a=5", n -> { });
    assertEquals(Map.of("a", 5.0, "b", 4.0), x.lastValues());
    assertEquals(3, x.maxCount());
  }

  @Test
  void aTabIsSeenAsHash011FirstAndRawSecond() {
    MetricExtractor x = extractor(
        new MetricDefinition("cw", "#011v:(\\S+)"),
        new MetricDefinition("raw", "\\tv:([^#\\s]+)"));
    assertEquals(List.of(new MetricExtractor.Observation("cw", 0, 1.5),
        new MetricExtractor.Observation("raw", 0, 1.5)), x.scan("[0]\tv:1.5", n -> { }));
    // without a tab, a #011 regex still matches text that really contains #011
    assertEquals(List.of(new MetricExtractor.Observation("cw", 1, 2.5)),
        x.scan("[1]#011v:2.5", n -> { }));
  }

  @Test
  void anOptionalGroupThatDidNotTakePartIsIgnoredWithANotice() {
    MetricExtractor x = extractor(new MetricDefinition("m", "loss(?:=([0-9.]+))?"));
    List<String> notices = new ArrayList<>();
    assertEquals(List.of(), x.scan("loss", notices::add));
    assertEquals(1, notices.size());
  }
}
