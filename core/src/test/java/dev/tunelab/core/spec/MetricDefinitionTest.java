package dev.tunelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
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
    assertTrue(e.getMessage().contains("a valid regular expression with one capturing group"),
        e.getMessage());
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

  @Test
  void pythonNamedGroupsAndBackReferencesBecomeJavaSyntax() {
    MetricDefinition d = new MetricDefinition("m", "(?P<q>['\"])(?P<loss_value>[0-9.]+)(?P=q)");
    assertEquals("(?<q>['\"])(?<lossvalue>[0-9.]+)\\k<q>", d.javaRegex());
    Matcher m = d.pattern().matcher("loss is '0.25' now");
    assertTrue(m.find());
    assertEquals("'", m.group(1));
    assertEquals("0.25", m.group("lossvalue"));
  }

  @Test
  void pythonGroupNamesThatJavaCannotTakeAreRenamedApart() {
    MetricDefinition d = new MetricDefinition("m", "(?P<a_b>x)(?P<ab>y)(?P<1st>z)");
    assertEquals("(?<ab>x)(?<ab2>y)(?<g1st>z)", d.javaRegex());
    assertTrue(d.pattern().matcher("xyz").find());
  }

  @Test
  void javaRegexesPassUnchanged() {
    String regex = ".*\\[[0-9]+\\].*#011validation-rmse:(?<v>\\S+)";
    assertEquals(regex, new MetricDefinition("m", regex).javaRegex());
  }
}
