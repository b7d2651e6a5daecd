package dev.tunelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.sdk.PythonStrings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The AWS CLI's {@code --output text} layout of a JSON value, as its text formatter writes it:
 * <ul>
 *   <li>an object's scalar values go on one line, TAB-separated, in the order of their sorted
 *   keys; for an object that is the value of a key, the line starts with that key in upper case;
 *   its nested objects and lists follow, each under its own key;</li>
 *   <li>in a list of objects each element gets its own line, all with the columns of every scalar
 *   key found in any element (sorted; an element without one has an empty field);</li>
 *   <li>a list of scalars under a key gives one line per element ({@code KEY\tvalue}); a bare
 *   list of scalars gives one TAB-separated line;</li>
 *   <li>a bare scalar is printed alone ({@code 12}, or a string without quotes);</li>
 *   <li>scalars are written as Python's {@code str} writes them: {@code True}, {@code False},
 *   {@code None}, and a float as {@link #pythonFloat(double)} says.</li>
 * </ul>
 * Every value and key is passed through {@link TerminalText#escape(String)}, so a TAB or a
 * newline inside a value cannot break the columns and no control character reaches the terminal.
 */
final class AwsText {
  private AwsText() { }

  /** The text of {@code value}, every line ending with a newline (empty for an empty list). */
  static String format(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, null, null, out);
    return out.toString();
  }

  private static void write(JsonNode item, String identifier, List<String> scalarKeys, StringBuilder out) {
    if (item.isObject()) {
      writeObject(item, identifier, scalarKeys, out);
    } else if (item.isArray()) {
      writeList(item, identifier, out);
    } else {
      out.append(scalar(item)).append('\n');
    }
  }

  private static void writeList(JsonNode list, String identifier, StringBuilder out) {
    if (list.isEmpty()) {
      return;
    }
    boolean anyObject = false;
    boolean anyList = false;
    for (JsonNode e : list) {
      anyObject |= e.isObject();
      anyList |= e.isArray();
    }
    if (anyObject) {
      List<String> keys = scalarKeysOf(list);
      for (JsonNode e : list) {
        write(e, identifier, keys, out);
      }
    } else if (anyList) {
      List<JsonNode> scalars = new ArrayList<>();
      List<JsonNode> others = new ArrayList<>();
      for (JsonNode e : list) {
        (e.isContainerNode() ? others : scalars).add(e);
      }
      if (!scalars.isEmpty()) {
        writeScalars(scalars, identifier, out);
      }
      for (JsonNode e : others) {
        write(e, identifier, null, out);
      }
    } else {
      List<JsonNode> all = new ArrayList<>();
      list.forEach(all::add);
      writeScalars(all, identifier, out);
    }
  }

  private static void writeScalars(List<JsonNode> scalars, String identifier, StringBuilder out) {
    if (identifier != null) {
      for (JsonNode s : scalars) {
        out.append(upper(identifier)).append('\t').append(scalar(s)).append('\n');
      }
    } else {
      List<String> cells = new ArrayList<>();
      scalars.forEach(s -> cells.add(scalar(s)));
      out.append(String.join("\t", cells)).append('\n');
    }
  }

  private static void writeObject(JsonNode object, String identifier, List<String> scalarKeys, StringBuilder out) {
    List<String> scalars = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
    if (scalarKeys == null) {
      for (String key : sortedKeys(object)) {
        JsonNode v = object.get(key);
        if (v.isContainerNode()) {
          nested.add(Map.entry(key, v));
        } else {
          scalars.add(scalar(v));
        }
      }
    } else {
      for (String key : scalarKeys) {
        JsonNode v = object.get(key);
        scalars.add(v == null ? "" : scalar(v));
      }
      for (String key : sortedKeys(object)) {
        if (!scalarKeys.contains(key)) {
          nested.add(Map.entry(key, object.get(key)));
        }
      }
    }
    if (!scalars.isEmpty()) {
      if (identifier != null) {
        scalars.add(0, upper(identifier));
      }
      out.append(String.join("\t", scalars)).append('\n');
    }
    for (Map.Entry<String, JsonNode> e : nested) {
      write(e.getValue(), e.getKey(), null, out);
    }
  }

  /** The keys of every element's scalar values, sorted. */
  private static List<String> scalarKeysOf(JsonNode listOfObjects) {
    TreeSet<String> keys = new TreeSet<>();
    for (JsonNode e : listOfObjects) {
      if (e.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (!f.getValue().isContainerNode()) {
            keys.add(f.getKey());
          }
        }
      }
    }
    return new ArrayList<>(keys);
  }

  private static TreeSet<String> sortedKeys(JsonNode object) {
    TreeSet<String> keys = new TreeSet<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static String upper(String identifier) {
    return TerminalText.escape(identifier.toUpperCase(Locale.ROOT));
  }

  /** A scalar as Python's {@code str} writes it, escaped for the terminal. */
  static String scalar(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "None";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "True" : "False";
    }
    if (v.isFloatingPointNumber()) {
      return pythonFloat(v.doubleValue());
    }
    return TerminalText.escape(v.asText());
  }

  /**
   * A double as Python's {@code repr} writes it (the shortest digits that read back the same):
   * plain between 1e-4 and 1e16 ({@code 0.0001}, {@code 10000000.0}), else scientific with a
   * sign and at least two exponent digits ({@code 1e-05}, {@code 1.5e+16}).
   */
  static String pythonFloat(double d) {
    return PythonStrings.ofDouble(d);
  }

}
