package dev.tunelab.core.spec;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Path-aware access to one JSON object of a SageMaker-shaped spec. Every accessor names the full
 * JSON path of the field in its {@link SpecException}, so errors read like
 * {@code ResourceLimits.MaxParallelTrainingJobs: got 'three'; expected an integer >= 1}.
 * Unknown fields are an error; fields that only make sense on AWS are reported once to a notice
 * sink and otherwise ignored.
 */
public final class JsonSpecReader {

  private final JsonNode node;
  private final String path;
  private final Consumer<String> notices;
  private final String source;

  private JsonSpecReader(JsonNode node, String path, Consumer<String> notices, String source) {
    this.node = node;
    this.path = path;
    this.notices = notices;
    this.source = source;
  }

  /** Reads a spec file; a missing file or malformed JSON is a {@link SpecException}. */
  public static JsonSpecReader read(Path file, Consumer<String> notices) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new SpecException("spec", file.toString(), "an existing JSON file");
    } catch (IOException e) {
      throw new SpecException("spec", file + ": cannot read (" + e.getMessage() + ")");
    }
    return parse(text, file.toString(), notices);
  }

  /** Parses spec text; {@code source} names it in errors. */
  public static JsonSpecReader parse(String text, String source, Consumer<String> notices) {
    JsonNode root;
    try {
      root = Json.readDocument(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new SpecException("spec", source + " is not valid JSON"
          + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
          + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SpecException("spec", source + " must hold a JSON object");
    }
    return new JsonSpecReader(root, "", notices, source);
  }

  /** Where the spec came from, as given to {@link #parse} (a file name, or a word such as "spec"). */
  public String source() {
    return source;
  }

  /**
   * Refuses a request body of the other kind with the command that runs it, e.g. a
   * CreateTrainingJob body given to {@code tune}: "this is a CreateTrainingJob request body; run
   * it with `tunelab train FILE`". A body is of a kind when it has that kind's top-level fields
   * and none of the other's.
   *
   * @param expectedKind   e.g. {@code CreateHyperParameterTuningJob}
   * @param expectedFields top-level fields only a body of the expected kind has, the main one first
   * @param otherKind      e.g. {@code CreateTrainingJob}
   * @param otherFields    top-level fields only a body of the other kind has, in the order to name them
   * @param otherCommand   the tunelab command that runs the other kind, e.g. {@code train}
   */
  public void refuseOtherKind(String expectedKind, List<String> expectedFields, String otherKind,
      List<String> otherFields, String otherCommand) {
    if (expectedFields.stream().anyMatch(node::has)) {
      return;
    }
    List<String> found = otherFields.stream().filter(node::has).toList();
    if (found.isEmpty()) {
      return;
    }
    throw new SpecException("spec", "this is a " + otherKind + " request body (it has " + String.join(", ", found)
        + " at the top level and no " + expectedFields.get(0) + "), not a " + expectedKind
        + " one; run it with `tunelab " + otherCommand + " " + shellWord(source) + "`");
  }

  private static String shellWord(String s) {
    return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  /** The JSON path of this object ("" for the root). */
  public String path() {
    return path;
  }

  /** The underlying JSON (for echoing the spec back in describe responses). */
  public JsonNode json() {
    return node;
  }

  /** The JSON path of a field of this object, e.g. {@code TrainingJobDefinition.Environment}. */
  public String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /**
   * Rejects fields outside {@code known}; fields in {@code awsOnly} are accepted and ignored with
   * one notice each.
   */
  public void checkFields(Set<String> known, Set<String> awsOnly) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (awsOnly.contains(f)) {
        notices.accept("ignoring " + at(f) + " (only meaningful on AWS)");
      } else if (!known.contains(f)) {
        Set<String> all = new TreeSet<>(known);
        String hint = Suggestions.didYouMean(f, all);
        throw new SpecException(at(f), hint.isEmpty() ? "unknown field; expected one of " + all
            : "unknown field" + hint + " (expected one of " + all + ")");
      }
    }
  }

  /** True when the field is present and not JSON null. */
  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** A required nested object. */
  public JsonSpecReader object(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new SpecException(at(field), null, "an object");
    }
    if (!v.isObject()) {
      throw new SpecException(at(field), v, "an object");
    }
    return new JsonSpecReader(v, at(field), notices, source);
  }

  /** An optional nested object, or {@code null}. */
  public JsonSpecReader optionalObject(String field) {
    return has(field) ? object(field) : null;
  }

  /** The elements of a required array of objects. */
  public List<JsonSpecReader> objects(String field, int minSize, int maxSize) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (minSize == 0) {
        return List.of();
      }
      throw new SpecException(at(field), null, "a list of " + minSize + " to " + maxSize + " objects");
    }
    if (!v.isArray()) {
      throw new SpecException(at(field), v, "a list of objects");
    }
    if (v.size() < minSize || v.size() > maxSize) {
      throw new SpecException(at(field), v.size() + " entries",
          "between " + minSize + " and " + maxSize + " entries");
    }
    List<JsonSpecReader> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String p = at(field) + "[" + i + "]";
      if (!e.isObject()) {
        throw new SpecException(p, e, "an object");
      }
      out.add(new JsonSpecReader(e, p, notices, source));
    }
    return out;
  }

  /** A required string (JSON string only: SageMaker sends every value in these specs as a string). */
  public String string(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new SpecException(at(field), null, "a string");
    }
    if (!v.isTextual()) {
      throw new SpecException(at(field), v, "a JSON string (SageMaker sends this value as a string, e.g. \"" + v.asText() + "\")");
    }
    return noNul(at(field), v.textValue());
  }

  /** An optional string, or the default. */
  public String string(String field, String defaultValue) {
    return has(field) ? string(field) : defaultValue;
  }

  /** A required string that must be one of {@code allowed}. */
  public String oneOf(String field, List<String> allowed) {
    String s = string(field);
    if (!allowed.contains(s)) {
      throw new SpecException(at(field), s, "one of " + allowed);
    }
    return s;
  }

  /** An optional string that must be one of {@code allowed}; default when absent. */
  public String oneOf(String field, List<String> allowed, String defaultValue) {
    return has(field) ? oneOf(field, allowed) : defaultValue;
  }

  /** A required JSON integer within [min, max]. */
  public long integer(String field, long min, long max) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new SpecException(at(field), null, "an integer from " + min + " to " + max);
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
      throw new SpecException(at(field), v, "an integer from " + min + " to " + max);
    }
    return v.longValue();
  }

  /** An optional JSON integer within [min, max]; default when absent. */
  public long integer(String field, long min, long max, long defaultValue) {
    return has(field) ? integer(field, min, max) : defaultValue;
  }

  /** A required JSON number, finite as a double (about ±1.8e308). */
  public double number(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new SpecException(at(field), null, "a number");
    }
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw new SpecException(at(field), v, "a finite number from -1.7976931348623157E308 to 1.7976931348623157E308");
    }
    return v.doubleValue();
  }

  /** A required boolean. */
  public boolean bool(String field, boolean defaultValue) {
    if (!has(field)) {
      return defaultValue;
    }
    JsonNode v = node.get(field);
    if (!v.isBoolean()) {
      throw new SpecException(at(field), v, "true or false");
    }
    return v.booleanValue();
  }

  /** An optional list of strings (empty when absent). */
  public List<String> strings(String field, int maxSize) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode v = node.get(field);
    if (!v.isArray()) {
      throw new SpecException(at(field), v, "a list of strings");
    }
    if (v.size() > maxSize) {
      throw new SpecException(at(field), v.size() + " entries", "at most " + maxSize);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw new SpecException(at(field) + "[" + i + "]", v.get(i), "a string");
      }
      out.add(noNul(at(field) + "[" + i + "]", v.get(i).textValue()));
    }
    return List.copyOf(out);
  }

  /**
   * An optional string-to-string map (insertion order kept). Values must be JSON strings, as in
   * SageMaker's API; numbers and booleans are rejected with a hint.
   */
  public Map<String, String> stringMap(String field, int maxSize) {
    if (!has(field)) {
      return Map.of();
    }
    JsonNode v = node.get(field);
    if (!v.isObject()) {
      throw new SpecException(at(field), v, "an object of string values");
    }
    if (v.size() > maxSize) {
      throw new SpecException(at(field), v.size() + " entries", "at most " + maxSize);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isTextual()) {
        throw new SpecException(at(field) + "." + e.getKey(), e.getValue(),
            "a string (SageMaker passes every hyperparameter as a string, e.g. \"" + e.getValue().asText() + "\")");
      }
      noNul(at(field), e.getKey());
      out.put(e.getKey(), noNul(at(field) + "." + e.getKey(), e.getValue().textValue()));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Refuses a string holding U+0000: no file name, argument, environment variable or regex of a
   * job can carry it, so it would only fail later, when a job starts.
   */
  private static String noNul(String field, String value) {
    if (value.indexOf('\u0000') >= 0) {
      throw new SpecException(field, value.replace("\u0000", "\\u0000"), "a string without the NUL character (\\u0000)");
    }
    return value;
  }

  /** A copy of this object's JSON. */
  public ObjectNode copy() {
    return ((ObjectNode) node).deepCopy();
  }
}
