package dev.tunelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --output table} of any JSON value (a describe response, or what {@code --query} kept):
 * a scalar alone; an object's scalars as aligned {@code Key  value} rows, then each nested
 * object or list under its key, indented; a list of objects as columns (one per key, in the
 * order first seen; a nested value as compact JSON); a list of lists (a multiselect such as
 * {@code [Name, Value]}) as aligned rows; a list of scalars one per line. Keys and
 * values are escaped with {@link TerminalText}.
 */
final class JsonTable {
  private JsonTable() { }

  /** The table text, every line ending with a newline. */
  static String format(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, "", out);
    return out.toString();
  }

  private static void write(JsonNode v, String indent, StringBuilder out) {
    if (v.isObject()) {
      writeObject(v, indent, out);
    } else if (v.isArray()) {
      writeArray(v, indent, out);
    } else {
      out.append(indent).append(cell(v)).append('\n');
    }
  }

  private static void writeObject(JsonNode o, String indent, StringBuilder out) {
    int width = 0;
    for (Map.Entry<String, JsonNode> f : fields(o)) {
      if (!f.getValue().isContainerNode()) {
        width = Math.max(width, TerminalText.escape(f.getKey()).length());
      }
    }
    for (Map.Entry<String, JsonNode> f : fields(o)) {
      if (!f.getValue().isContainerNode()) {
        out.append(indent).append(pad(TerminalText.escape(f.getKey()), width)).append("  ")
            .append(cell(f.getValue())).append('\n');
      }
    }
    for (Map.Entry<String, JsonNode> f : fields(o)) {
      if (f.getValue().isContainerNode()) {
        out.append(indent).append(TerminalText.escape(f.getKey())).append('\n');
        if (f.getValue().isEmpty()) {
          out.append(indent).append("  (none)\n");
        } else {
          write(f.getValue(), indent + "  ", out);
        }
      }
    }
  }

  private static void writeArray(JsonNode a, String indent, StringBuilder out) {
    boolean allObjects = !a.isEmpty();
    for (JsonNode e : a) {
      allObjects &= e.isObject();
    }
    boolean allArrays = !a.isEmpty();
    for (JsonNode e : a) {
      allArrays &= e.isArray();
    }
    if (allArrays) {
      // rows of a multiselect list ([Name, Value]): one aligned row each
      List<String[]> rows = new ArrayList<>();
      for (JsonNode e : a) {
        List<String> cells = new ArrayList<>();
        e.forEach(x -> cells.add(cell(x)));
        rows.add(cells.toArray(String[]::new));
      }
      align(rows, indent, out);
      return;
    }
    if (!allObjects) {
      for (JsonNode e : a) {
        if (e.isContainerNode()) {
          write(e, indent, out);
        } else {
          out.append(indent).append(cell(e)).append('\n');
        }
      }
      return;
    }
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    a.forEach(e -> e.fieldNames().forEachRemaining(keys::add));
    List<String[]> rows = new ArrayList<>();
    rows.add(keys.stream().map(TerminalText::escape).toArray(String[]::new));
    for (JsonNode e : a) {
      rows.add(keys.stream().map(k -> e.has(k) ? cell(e.get(k)) : "-").toArray(String[]::new));
    }
    align(rows, indent, out);
  }

  private static void align(List<String[]> rows, String indent, StringBuilder out) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < r.length; i++) {
        line.append(i == r.length - 1 ? r[i] : pad(r[i], width[i]) + "  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode o) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
    o.fields().forEachRemaining(list::add);
    return list;
  }

  private static String cell(JsonNode v) {
    if (v.isNull()) {
      return "-";
    }
    return TerminalText.escape(v.isContainerNode() ? v.toString() : v.asText());
  }

  private static String pad(String s, int width) {
    return String.format(Locale.ROOT, "%-" + Math.max(1, width) + "s", s);
  }
}
