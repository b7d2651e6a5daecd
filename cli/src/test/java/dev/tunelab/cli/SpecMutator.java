package dev.tunelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a JSON spec for {@link CliFuzzTest}: over its structure (a field removed,
 * renamed, added, an array entry repeated, an object where a string was), its values (numbers at
 * and past every bound, strings with control characters, NUL, newlines, huge and empty strings),
 * its names (hyperparameter and range names that cannot become arguments) and its text (trailing
 * JSON, a key given twice, a cut or a stray character). Each mutation says what it did, so a
 * failing case can be read and replayed from its seed.
 */
final class SpecMutator {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Values put in place of others; strings because SageMaker sends most values as strings. */
  private static final List<JsonNode> VALUES = List.of(
      F.nullNode(), F.booleanNode(true), F.numberNode(0), F.numberNode(-1), F.numberNode(1.5),
      F.numberNode(2147483647), F.numberNode(2147483648L), F.numberNode(Long.MAX_VALUE),
      F.numberNode(new java.math.BigInteger("99999999999999999999999")),
      F.numberNode(new java.math.BigDecimal("1e400")), F.numberNode(new java.math.BigDecimal("-1e400")),
      F.numberNode(new java.math.BigDecimal("1e-400")),
      F.textNode(""), F.textNode(" "), F.textNode("0"), F.textNode("-1"), F.textNode("1"), F.textNode("3"),
      F.textNode("0.5"), F.textNode("1e308"), F.textNode("1e400"), F.textNode("-1e400"), F.textNode("2147483648"),
      F.textNode("9223372036854775808"), F.textNode("NaN"), F.textNode("Infinity"), F.textNode("-0"),
      F.textNode("0x10"), F.textNode("1_000"), F.textNode("abc"), F.textNode("a\u0000b"),
      F.textNode("\u001b[2J\u001b]0;title\u0007"), F.textNode("line\nbreak"), F.textNode("ü\u202eevil"),
      F.textNode("x".repeat(3000)), F.textNode("Bayesian"), F.textNode("Grid"), F.textNode("Hyperband"),
      F.textNode("Random"), F.textNode("Logarithmic"), F.textNode("ReverseLogarithmic"), F.textNode("Maximize"),
      F.textNode("validation:rmse"), F.textNode("train:mae"), F.textNode("binary:logistic"),
      F.textNode("multi:softmax"), F.textNode("dataset:boston/nope"), F.textNode("s3://../../etc/passwd"),
      F.textNode("/dev/null"), F.textNode("/"), F.textNode("file:///no/such/file"), F.textNode("dataset:boston/train?seed=-1"),
      F.arrayNode(), F.objectNode(), F.arrayNode().add("x"), F.objectNode().put("a", 1));

  /** Names for hyperparameters, ranges, channels and jobs. */
  private static final List<String> NAMES = List.of("a/../b=c;$(id)", "x y", "", "-x", "_", "a.b", "é",
      "n".repeat(257), "n".repeat(256), "num_round", "eta", "max_depth", "x=1", "\u001b[2J", "a\nb",
      "SM_HP_X", "_tuning_objective_metric", "alpha", "objective", "--", "a\u0000");

  /** Text inserted or appended at the text level. */
  private static final List<String> TEXT = List.of("{\"x\":1}", " 7", "]", "}", ",", "\"", "\\", "null",
      "/*c*/", "\u0000", "\u001b", "\n", "{", "[[[[", "1e400");

  private final Random random;
  private final List<String> applied = new ArrayList<>();

  SpecMutator(Random random) {
    this.random = random;
  }

  /** What the mutations of the last {@link #mutate} call did, in order. */
  List<String> applied() {
    return List.copyOf(applied);
  }

  /**
   * A mutated copy of a spec, as text: 1 to 3 tree mutations, then sometimes one text mutation.
   *
   * @param spec the spec (not changed)
   */
  String mutate(ObjectNode spec) {
    return mutate(spec, 3, true);
  }

  /**
   * A mutated copy of a spec, as text.
   *
   * @param spec         the spec (not changed)
   * @param maxTree      most tree mutations (at least one is made)
   * @param textMutation whether a text mutation may follow (one case in five)
   */
  String mutate(ObjectNode spec, int maxTree, boolean textMutation) {
    applied.clear();
    ObjectNode s = spec.deepCopy();
    int n = 1 + random.nextInt(maxTree);
    for (int i = 0; i < n; i++) {
      mutateTree(s);
    }
    String text = Json.pretty(s);
    if (textMutation && random.nextInt(5) == 0) {
      text = mutateText(text);
    }
    return text;
  }

  private void mutateTree(ObjectNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, "", slots);
    Slot slot = slots.get(random.nextInt(slots.size()));
    switch (random.nextInt(8)) {
      case 0 -> {
        slot.remove();
        applied.add("removed " + slot.path);
      }
      case 1, 2 -> {
        JsonNode v = VALUES.get(random.nextInt(VALUES.size()));
        slot.set(v);
        applied.add("set " + slot.path + " = " + abbreviate(v.toString()));
      }
      case 3 -> {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        if (slot.parent instanceof ObjectNode o && slot.key != null) {
          JsonNode v = o.remove(slot.key);
          o.set(name, v);
          applied.add("renamed " + slot.path + " to " + abbreviate(name));
        } else {
          slot.set(F.textNode(name));
          applied.add("set " + slot.path + " = name " + abbreviate(name));
        }
      }
      case 4 -> {
        // a name where SageMaker has names: hyperparameters, ranges, channels
        ObjectNode target = nameTarget(root);
        String name = NAMES.get(random.nextInt(NAMES.size()));
        if (target != null && target.has("Name")) {
          target.put("Name", name);
          applied.add("range Name = " + abbreviate(name));
        } else if (target != null) {
          target.put(name, VALUES.get(random.nextInt(VALUES.size())).isTextual() ? "1" : "0.5");
          applied.add("hyperparameter " + abbreviate(name));
        }
      }
      case 5 -> {
        if (slot.parent instanceof ObjectNode o) {
          o.set("Unknown" + random.nextInt(3), VALUES.get(random.nextInt(VALUES.size())));
          applied.add("added an unknown field at " + slot.path);
        }
      }
      case 6 -> {
        if (slot.value() instanceof ArrayNode a && a.size() > 0) {
          int times = 1 + random.nextInt(40);
          for (int i = 0; i < times; i++) {
            a.add(a.get(random.nextInt(a.size())).deepCopy());
          }
          applied.add("repeated entries of " + slot.path + " " + times + " times");
        } else {
          slot.set(F.objectNode().set("nested", slot.value() == null ? F.nullNode() : slot.value().deepCopy()));
          applied.add("nested " + slot.path);
        }
      }
      default -> {
        // a number at or past a bound, as JSON number or as SageMaker's string
        long[] bounds = {0, 1, 2, 3, 100, 101, 10_000, 10_001, 100_000, 100_001, Integer.MAX_VALUE,
            Integer.MAX_VALUE + 1L, Long.MAX_VALUE, -1, Integer.MIN_VALUE};
        long b = bounds[random.nextInt(bounds.length)];
        JsonNode v = slot.value() != null && slot.value().isTextual() ? F.textNode(Long.toString(b)) : F.numberNode(b);
        slot.set(v);
        applied.add("set " + slot.path + " = bound " + v);
      }
    }
  }

  /** A range entry or a hyperparameter map of the spec, or null. */
  private ObjectNode nameTarget(ObjectNode root) {
    List<ObjectNode> targets = new ArrayList<>();
    JsonNode ranges = root.path("HyperParameterTuningJobConfig").path("ParameterRanges");
    for (JsonNode list : ranges) {
      for (JsonNode r : list) {
        if (r instanceof ObjectNode o) {
          targets.add(o);
        }
      }
    }
    if (root.path("TrainingJobDefinition").path("StaticHyperParameters") instanceof ObjectNode o) {
      targets.add(o);
    }
    if (root.path("HyperParameters") instanceof ObjectNode o) {
      targets.add(o);
    }
    return targets.isEmpty() ? null : targets.get(random.nextInt(targets.size()));
  }

  private String mutateText(String text) {
    String piece = TEXT.get(random.nextInt(TEXT.size()));
    switch (random.nextInt(5)) {
      case 0 -> {
        applied.add("text: appended " + abbreviate(piece));
        return text + piece;
      }
      case 1 -> {
        int cut = random.nextInt(text.length());
        applied.add("text: cut at " + cut);
        return text.substring(0, cut);
      }
      case 2 -> {
        int at = random.nextInt(text.length());
        applied.add("text: inserted " + abbreviate(piece) + " at " + at);
        return text.substring(0, at) + piece + text.substring(at);
      }
      case 3 -> {
        int brace = text.indexOf('{', 1 + random.nextInt(Math.max(1, text.length() - 1)));
        if (brace < 0) {
          return text;
        }
        int end = text.indexOf(',', brace);
        int colon = text.indexOf(':', brace);
        if (end < 0 || colon < 0 || colon > end) {
          return text;
        }
        String firstPair = text.substring(brace + 1, end).strip();
        applied.add("text: key given twice: " + abbreviate(firstPair));
        return text.substring(0, brace + 1) + firstPair + "," + text.substring(brace + 1);
      }
      default -> {
        int at = random.nextInt(text.length());
        applied.add("text: deleted the character at " + at);
        return text.substring(0, at) + text.substring(at + 1);
      }
    }
  }

  private static String abbreviate(String s) {
    String e = TerminalText.escape(s);
    return e.length() > 60 ? e.substring(0, 60) + "…(" + s.length() + " chars)" : e;
  }

  /** Every field and array element below {@code node}. */
  private static void collect(JsonNode node, String path, List<Slot> out) {
    if (node instanceof ObjectNode o) {
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        String p = path.isEmpty() ? k : path + "." + k;
        out.add(new Slot(o, k, -1, p));
        collect(o.get(k), p, out);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        String p = path + "[" + i + "]";
        out.add(new Slot(a, null, i, p));
        collect(a.get(i), p, out);
      }
    }
  }

  /** One place in the tree: a field of an object or an element of an array. */
  private record Slot(JsonNode parent, String key, int index, String path) {
    JsonNode value() {
      return key != null ? parent.get(key) : parent.get(index);
    }

    void set(JsonNode v) {
      if (parent instanceof ObjectNode o) {
        o.set(key, v.deepCopy());
      } else {
        ((ArrayNode) parent).set(index, v.deepCopy());
      }
    }

    void remove() {
      if (parent instanceof ObjectNode o) {
        o.remove(key);
      } else if (index < parent.size()) {
        ((ArrayNode) parent).remove(index);
      }
    }
  }
}
