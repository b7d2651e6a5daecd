package dev.tunelab.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one mapper: reading what TuneLab stored, writing compact and pretty text, exact numbers. */
class JsonTest {

  @Test
  void storedTextThatIsNotJsonIsABrokenStoreNamedInTheMessage() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> Json.readStored("{\"a\":", "the stored TuningJobCompletionDetails"));
    assertTrue(e.getMessage().startsWith("the stored TuningJobCompletionDetails is not valid JSON"), e.getMessage());
    assertEquals(2, Json.readStored("{\"a\":2}", "x").path("a").asInt());
  }

  @Test
  void mapsKeepTheirOrderAndPrettyTextIsIndented() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("z", "1");
    m.put("a", "2");
    assertEquals("{\"z\":\"1\",\"a\":\"2\"}", Json.write(m));
    String pretty = Json.pretty(Json.object().put("k", 1));
    assertTrue(pretty.contains("\n") && pretty.contains("\"k\" : 1"), pretty);
  }

  @Test
  void exactNumbersReadDecimalsWithoutAFloatRoundTripAndLeaveTheSharedMapperAlone() throws Exception {
    String text = "{\"w\":0.1000000000000000055511151231257827}";
    JsonNode exact = Json.exactNumbers(JsonNodeFactory.instance).readTree(text);
    assertEquals("0.1000000000000000055511151231257827", exact.get("w").decimalValue().toPlainString());
    assertTrue(Json.mapper().readTree(text).get("w").isDouble(), "the shared mapper still reads doubles");
    assertSame(Json.mapper(), Json.mapper());
  }
}
