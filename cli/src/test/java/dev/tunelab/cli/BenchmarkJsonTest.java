package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.optimizer.benchmark.BenchmarkResult;
import dev.tunelab.optimizer.benchmark.Quartiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark JSON document, read back with a JSON parser rather than searched as text. */
class BenchmarkJsonTest {

  @Test
  void everyBudgetAndSeedIsThereAndNonFiniteNumbersAreNull() {
    BenchmarkResult r = new BenchmarkResult("f \"quoted\"", 0.5, "Random", 2, 1, List.of(7L, 8L),
        List.of(new double[] {Double.POSITIVE_INFINITY, 1.25}, new double[] {3.0, 2.0}),
        List.of(new Quartiles(Double.NaN, 3.0, 3.0), new Quartiles(1.25, 1.625, 2.0)), 0.75);
    JsonNode doc = Json.readStored(BenchmarkJson.write(List.of(r)), "benchmark JSON");
    JsonNode res = doc.path("results").get(0);
    assertEquals("f \"quoted\"", res.path("function").asText());
    assertEquals(2, res.path("summary").size());
    assertEquals(2, res.path("summary").get(1).path("budget").asInt());
    assertTrue(res.path("summary").get(0).path("q1").isNull(), res.toString());
    assertEquals(1.625, res.path("final").path("median").asDouble());
    assertEquals(8, res.path("seeds").get(1).path("seed").asLong());
    assertTrue(res.path("seeds").get(0).path("bestSoFar").get(0).isNull(), res.toString());
    assertEquals(1.25, res.path("seeds").get(0).path("bestSoFar").get(1).asDouble());
  }
}
