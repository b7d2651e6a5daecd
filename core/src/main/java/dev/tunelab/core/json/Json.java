package dev.tunelab.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
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

  /**
   * The mapper for documents people write (specs): a key given twice in one object is an error
   * instead of the last one silently winning, and floating-point numbers are kept as exact
   * decimals so that a value such as {@code 1e400} is reported as written, not as "Infinity".
   */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

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

  /**
   * Parses a document a person wrote (a job spec): exactly one JSON value, no key twice in one
   * object, nothing but whitespace after the value. Floating-point numbers are read as exact
   * decimals ({@code DecimalNode}), so out-of-range values stay visible in messages.
   *
   * @param text the JSON text
   * @return the parsed value, or {@code null} for text with no value at all
   * @throws JsonProcessingException when the text is not one valid JSON value; its
   *     {@link JsonProcessingException#getLocation() location} is the line and column of the fault
   *     and its {@link JsonProcessingException#getOriginalMessage() original message} says what
   *     it is (for example "key 'RandomSeed' appears twice in one object")
   */
  public static JsonNode readDocument(String text) throws JsonProcessingException {
    try (JsonParser p = STRICT.createParser(text)) {
      JsonNode root;
      try {
        root = STRICT.readTree(p);
      } catch (JsonParseException e) {
        String m = e.getOriginalMessage();
        if (m != null && m.startsWith("Duplicate field '")) {
          String key = m.substring("Duplicate field '".length(), m.lastIndexOf('\''));
          throw new JsonParseException(p, "key '" + key + "' appears twice in one object (each key may be given once)",
              e.getLocation());
        }
        throw e;
      }
      if (root != null) {
        JsonToken next = p.nextToken();
        if (next != null) {
          JsonLocation at = p.currentTokenLocation();
          throw new JsonParseException(p, "more JSON after the end of the document (found " + describe(next)
              + "); expected exactly one JSON value", at);
        }
      }
      return root;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("cannot read JSON from a string", e);
    }
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
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
