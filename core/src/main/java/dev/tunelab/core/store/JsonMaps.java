package dev.tunelab.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tunelab.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON text the store keeps maps in: hyperparameters (string → string) and final metrics
 * (string → double, NaN and infinities written as the strings {@code "NaN"}, {@code "Infinity"}).
 * Key order is kept.
 */
final class JsonMaps {
  private static final TypeReference<LinkedHashMap<String, String>> STRINGS =
      new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, Double>> DOUBLES =
      new TypeReference<>() {};

  private JsonMaps() {}

  static String write(Map<String, ?> map) {
    try {
      return Json.mapper().writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new JobStoreException("cannot write map as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, String> strings(String json, String column) {
    return read(json, STRINGS, column);
  }

  static Map<String, Double> doubles(String json, String column) {
    return read(json, DOUBLES, column);
  }

  private static <M> M read(String json, TypeReference<M> type, String column) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new JobStoreException("column " + column + " holds invalid JSON: "
          + e.getOriginalMessage(), e);
    }
  }
}
