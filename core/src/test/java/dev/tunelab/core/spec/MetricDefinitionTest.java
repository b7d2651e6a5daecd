package dev.tunelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import com.google.re2j.Matcher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MetricDefinitionTest {

  @Test
  void aRegexThatDoesNotCompileIsASpecExceptionNamingItsIndex() {
    List<MetricDefinition> defs = List.of(
        new MetricDefinition("train:loss", "loss=(\\S+)"),
        new MetricDefinition("validation:loss", "val_loss=(\\S+"));
    SpecException e = assertThrows(SpecException.class, () -> MetricDefinition.validate(defs));
    assertEquals("AlgorithmSpecification.MetricDefinitions[1].Regex", e.field());
    assertTrue(e.getMessage().contains("val_loss=(\\S+"), e.getMessage());
    assertTrue(e.getMessage().contains("a regular expression in RE2 syntax"), e.getMessage());
  }

  @Test
  void aRegexWithoutACapturingGroupIsRejected() {
    SpecException e = assertThrows(SpecException.class, () -> MetricDefinition.validate(
        List.of(new MetricDefinition("train:loss", "loss=\\S+"))));
    assertEquals("AlgorithmSpecification.MetricDefinitions[0].Regex", e.field());
  }

  @Test
  void blankAndRepeatedNamesAreRejected() {
    assertEquals("AlgorithmSpecification.MetricDefinitions[0].Name",
        assertThrows(SpecException.class, () -> MetricDefinition.validate(
            List.of(new MetricDefinition(" ", "(x)")))).field());
    assertEquals("AlgorithmSpecification.MetricDefinitions[1].Name",
        assertThrows(SpecException.class, () -> MetricDefinition.validate(List.of(
            new MetricDefinition("m", "(x)"), new MetricDefinition("m", "(y)")))).field());
  }

  /** Backreferences and lookaround need a backtracking engine: refused, naming field, value and RE2. */
  @ParameterizedTest
  @ValueSource(strings = {"(?P<q>['\"])([0-9.]+)(?P=q)", "(a)\\1", "loss=(?=\\d)(\\S+)",
      "(?<=loss=)(\\S+)", "(?<!x)loss=(\\S+)", "loss=(\\S+)(?!x)"})
  void regexesThatNeedBacktrackingAreRefusedNamingRe2(String regex) {
    SpecException e = assertThrows(SpecException.class, () -> MetricDefinition.validate(List.of(
        new MetricDefinition("ok", "ok=(\\S+)"), new MetricDefinition("m", regex))));
    assertEquals("AlgorithmSpecification.MetricDefinitions[1].Regex", e.field());
    assertTrue(e.getMessage().contains(regex), e.getMessage());
    assertTrue(e.getMessage().contains("RE2 syntax"), e.getMessage());
  }

  @Test
  void pythonAndJavaNamedGroupsAreAccepted() {
    MetricDefinition py = new MetricDefinition("m", "(?P<q>['\"])(?P<loss_value>[0-9.]+)['\"]");
    Matcher m = py.pattern().matcher("loss is '0.25' now");
    assertTrue(m.find());
    assertEquals("'", m.group(1));
    assertEquals("0.25", m.group("loss_value"));
    MetricDefinition java = new MetricDefinition("m", ".*\\[[0-9]+\\].*#011validation-rmse:(?<v>\\S+)");
    assertEquals(".*\\[[0-9]+\\].*#011validation-rmse:(?P<v>\\S+)", java.re2Regex());
    Matcher j = java.pattern().matcher("[3]#011train-rmse:1#011validation-rmse:0.5");
    assertTrue(j.find());
    assertEquals("0.5", j.group("v"));
  }

  @Test
  void escapedParenthesesAndCharacterClassesAreNotTakenForNamedGroups() {
    assertEquals("\\(?<a>(\\d+)", new MetricDefinition("m", "\\(?<a>(\\d+)").re2Regex());
    assertEquals("[(?<a>](\\d+)", new MetricDefinition("m", "[(?<a>](\\d+)").re2Regex());
    assertTrue(new MetricDefinition("m", "\\(?<a>(\\d+)").pattern().matcher("<a>12").find());
  }

  /**
   * The catastrophic-backtracking case of issue 13: java.util.regex takes exponential time on
   * (a+)+$ against a's ending in '!' (minutes at 40 a's); RE2/J answers in linear time, even on
   * the longest line the trainer delivers.
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aPathologicalRegexMatchesInLinearTime() {
    var p = new MetricDefinition("m", "(a+)+$").pattern();
    assertTrue(!p.matcher("a".repeat(40) + "!").find());
    assertTrue(!p.matcher("a".repeat(65_536) + "!").find());
    var m = p.matcher("b" + "a".repeat(65_536));
    assertTrue(m.find());
    assertEquals(65_536, m.group(1).length());
  }
}
