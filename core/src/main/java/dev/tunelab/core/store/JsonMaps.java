package dev.tunelab.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tunelab.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
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

  private static final TypeReference<List<Double>> DOUBLE_LIST = new TypeReference<>() {};

  private JsonMaps() {}

  /** A list of numbers as a JSON array (NaN and infinities as strings, as in maps). */
  static String writeList(List<Double> values) {
    try {
      return Json.mapper().writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new JobStoreException("cannot write list as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static List<Double> doubleList(String json, String column) {
    return read(json, DOUBLE_LIST, column);
  }

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
