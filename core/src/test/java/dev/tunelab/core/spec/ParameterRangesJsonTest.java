package dev.tunelab.core.spec;

import dev.tunelab.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.ScalingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader and writer of a request's ParameterRanges. */
class ParameterRangesJsonTest {

  private static JsonSpecReader config(ObjectNode parameterRanges) {
    ObjectNode root = Json.object();
    root.putObject("HyperParameterTuningJobConfig").set("ParameterRanges", parameterRanges);
    return JsonSpecReader.parse(root.toString(), "test", n -> { }).object("HyperParameterTuningJobConfig");
  }

  private static List<String> fieldNames(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void writesTheSdkLayoutAndReadsItBack() {
    List<ParameterRange> ranges = List.of(
        new IntegerRange("max_depth", 3, 12),
        new ContinuousRange("eta", 0.05, 0.5, ScalingType.LOGARITHMIC),
        new CategoricalRange("booster", List.of("gbtree", "dart")),
        new IntegerRange("min_child_weight", 2, 8, ScalingType.LINEAR));
    ObjectNode json = ParameterRangesJson.write(ranges, Double::toString);
    assertEquals(List.of("ContinuousParameterRanges", "CategoricalParameterRanges", "IntegerParameterRanges"),
        fieldNames(json));
    JsonNode depth = json.path("IntegerParameterRanges").get(0);
    assertEquals("3", depth.path("MinValue").textValue());
    assertEquals("12", depth.path("MaxValue").textValue());
    assertEquals("Auto", depth.path("ScalingType").textValue());
    assertEquals("Linear", json.path("IntegerParameterRanges").get(1).path("ScalingType").textValue());
    assertEquals("0.05", json.path("ContinuousParameterRanges").get(0).path("MinValue").textValue());
    assertEquals(List.of("Name", "Values"), fieldNames(json.path("CategoricalParameterRanges").get(0)));
    // read order: integer, continuous, categorical, each in the order written
    assertEquals(List.of(ranges.get(0), ranges.get(3), ranges.get(1), ranges.get(2)),
        ParameterRangesJson.read(config(json)).ranges());
  }

  @Test
  void continuousBoundsAreWrittenByTheGivenFormat() {
    ObjectNode json = ParameterRangesJson.write(List.of(new ContinuousRange("gamma", 0, 10)), d -> "<" + d + ">");
    assertEquals("<0.0>", json.path("ContinuousParameterRanges").get(0).path("MinValue").textValue());
    assertEquals("<10.0>", json.path("ContinuousParameterRanges").get(0).path("MaxValue").textValue());
  }

  @Test
  void aRangeBreakingItsRulesIsRefusedAtItsEntry() {
    ObjectNode json = ParameterRangesJson.write(List.of(new IntegerRange("a", 1, 2)), Double::toString);
    ObjectNode second = ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("IntegerParameterRanges")).addObject();
    second.put("Name", "max_depth").put("MinValue", "5").put("MaxValue", "3");
    SpecException e = assertThrows(SpecException.class, () -> ParameterRangesJson.read(config(json)));
    assertEquals("HyperParameterTuningJobConfig.ParameterRanges.IntegerParameterRanges[1]", e.field());
    assertTrue(e.getMessage().contains("max_depth"), e.getMessage());
    assertEquals(e.field(), ParameterRangesJson.entryPath("IntegerParameterRanges", 1));
  }

  @Test
  void duplicateNamesAcrossKindsAreRefused() {
    ObjectNode json = ParameterRangesJson.write(List.of(new IntegerRange("x", 1, 2),
        new CategoricalRange("x", List.of("a"))), Double::toString);
    SpecException e = assertThrows(SpecException.class, () -> ParameterRangesJson.read(config(json)));
    assertEquals("HyperParameterTuningJobConfig.ParameterRanges.CategoricalParameterRanges[0].Name", e.field());
  }
}
