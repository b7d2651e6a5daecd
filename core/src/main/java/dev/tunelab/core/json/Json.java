package dev.tunelab.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The one configured Jackson mapper of TuneLab and the few things everyone does with it: read a
 * document, build objects and arrays, write compact or pretty text. Specs, the store's JSON
 * columns, describe responses, the container contract's files and command output all go through
 * it, so a setting changes in one place. Model files need their numbers kept exactly as XGBoost
 * wrote them; {@link #exactNumbers} derives that mapper from this one.
 *
 * <p>Jackson's mappers are thread-safe once configured; nothing here reconfigures them.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Json() { }

  /** The shared mapper (for typed reading and writing, e.g. {@code TypeReference}s). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A copy of the shared mapper that reads floating-point numbers as exact decimals with the
   * given node factory, so a document is written back with its numbers as they were written.
   */
  public static ObjectMapper exactNumbers(JsonNodeFactory nodes) {
    return MAPPER.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setNodeFactory(nodes);
  }

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A new empty JSON array. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /**
   * Parses JSON that TuneLab wrote itself (a stored request, a store attribute): text that does
   * not parse is a broken store, not bad input.
   *
   * @param text the JSON text
   * @param what what it is, for the message (e.g. "the stored TuningJobCompletionDetails")
   * @throws UncheckedIOException when the text is not JSON
   */
  public static JsonNode readStored(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Compact JSON text of a value (a node, a map, a record). */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Indented JSON text of a value, as commands print it. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
