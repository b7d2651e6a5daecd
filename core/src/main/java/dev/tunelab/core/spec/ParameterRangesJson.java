package dev.tunelab.core.spec;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.ScalingType;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/**
 * The one owner of the SageMaker JSON shape of tuning ranges: a request's
 * {@code HyperParameterTuningJobConfig.ParameterRanges} object with its
 * {@code IntegerParameterRanges}, {@code ContinuousParameterRanges} and
 * {@code CategoricalParameterRanges} lists. Bounds are strings, as SageMaker sends them. Reading
 * validates with SageMaker's rules and limits (30 ranges, 30 categorical values, unique names);
 * writing is what the SDK sends. Both the spec parser and the SDK use this class.
 */
public final class ParameterRangesJson {

  /** Most ranges, and most values of one categorical range, SageMaker accepts. */
  public static final int MAX_RANGES = 30;

  /** Largest magnitude of an integer range's bound (integers are encoded as doubles, exact to 2^53). */
  public static final long MAX_INTEGER_BOUND = 1_000_000_000_000_000L;

  /** The list field per kind of range, e.g. {@code IntegerParameterRanges}. */
  private static final ParameterRange.Visitor<String> LIST_FIELD = new ParameterRange.Visitor<>() {
    @Override
    public String continuous(ContinuousRange range) {
      return "ContinuousParameterRanges";
    }

    @Override
    public String integer(IntegerRange range) {
      return "IntegerParameterRanges";
    }

    @Override
    public String categorical(CategoricalRange range) {
      return "CategoricalParameterRanges";
    }
  };

  /** The order in which the SDK writes the three lists. */
  private static final List<String> WRITE_ORDER = List.of("ContinuousParameterRanges",
      "CategoricalParameterRanges", "IntegerParameterRanges");

  private ParameterRangesJson() { }

  /**
   * Reads and validates {@code config.ParameterRanges}: integer ranges first, then continuous,
   * then categorical, each in the order given. This is the order the optimizer sees the ranges
   * in, so that the same ranges tune the same way whichever order a request lists its three lists
   * in (the SDK writes continuous, categorical, integer; the course's spec integer first).
   * Responses show hyperparameters in the request's own order instead: see
   * {@link #namesInRequestOrder}.
   *
   * @param config the HyperParameterTuningJobConfig object
   * @throws SpecException naming the JSON path of the first bad entry
   */
  public static SearchSpace read(JsonSpecReader config) {
    JsonSpecReader pr = config.optionalObject("ParameterRanges");
    if (pr == null) {
      throw new SpecException(config.path() + ".ParameterRanges", null,
          "an object with IntegerParameterRanges, ContinuousParameterRanges and/or CategoricalParameterRanges");
    }
    pr.checkFields(Set.of("IntegerParameterRanges", "ContinuousParameterRanges", "CategoricalParameterRanges"),
        Set.of("AutoParameters"));
    List<ParameterRange> ranges = new ArrayList<>();
    Set<String> names = new HashSet<>();
    integers(pr, names, ranges);
    continuous(pr, names, ranges);
    categorical(pr, names, ranges);
    if (ranges.isEmpty()) {
      throw new SpecException(pr.path(), "no ranges; expected at least one Integer, Continuous or Categorical parameter range");
    }
    if (ranges.size() > MAX_RANGES) {
      throw new SpecException(pr.path(), ranges.size() + " ranges", "at most 30 tunable hyperparameters");
    }
    return new SearchSpace(ranges);
  }

  private static void integers(JsonSpecReader pr, Set<String> names, List<ParameterRange> ranges) {
    for (JsonSpecReader e : pr.objects("IntegerParameterRanges", 0, MAX_RANGES)) {
      e.checkFields(Set.of("Name", "MinValue", "MaxValue", "ScalingType"), Set.of());
      String n = rangeName(e, names);
      long min = parseLong(e, "MinValue");
      long max = parseLong(e, "MaxValue");
      ScalingType s = scaling(e);
      ranges.add(build(e.path(), () -> new IntegerRange(n, min, max, s)));
    }
  }

  private static void continuous(JsonSpecReader pr, Set<String> names, List<ParameterRange> ranges) {
    for (JsonSpecReader e : pr.objects("ContinuousParameterRanges", 0, MAX_RANGES)) {
      e.checkFields(Set.of("Name", "MinValue", "MaxValue", "ScalingType"), Set.of());
      String n = rangeName(e, names);
      double min = parseDouble(e, "MinValue");
      double max = parseDouble(e, "MaxValue");
      if (!Double.isFinite(max - min)) {
        throw new SpecException(e.path() + ".MaxValue", e.string("MaxValue"), "a value whose distance to MinValue "
            + e.string("MinValue") + " is a finite number (at most " + Double.MAX_VALUE + ")");
      }
      ScalingType s = scaling(e);
      ranges.add(build(e.path(), () -> new ContinuousRange(n, min, max, s)));
    }
  }

  private static void categorical(JsonSpecReader pr, Set<String> names, List<ParameterRange> ranges) {
    for (JsonSpecReader e : pr.objects("CategoricalParameterRanges", 0, MAX_RANGES)) {
      e.checkFields(Set.of("Name", "Values"), Set.of());
      String n = rangeName(e, names);
      List<String> values = e.strings("Values", CategoricalRange.MAX_VALUES);
      if (values.isEmpty()) {
        throw new SpecException(e.path() + ".Values", values, "1 to 30 string values");
      }
      if (new HashSet<>(values).size() != values.size()) {
        throw new SpecException(e.path() + ".Values", values, "distinct values");
      }
      ranges.add(build(e.path(), () -> new CategoricalRange(n, values)));
    }
  }

  /**
   * The ranges' names in the order the request writes them: the three lists in the order they
   * appear in the ParameterRanges object, each list's entries in order. Every response lists
   * tuned hyperparameters in this order (after the static ones). Reads a request that
   * {@link #read} accepted; names that are not strings are skipped.
   *
   * @param parameterRanges the {@code ParameterRanges} object
   */
  public static List<String> namesInRequestOrder(com.fasterxml.jackson.databind.JsonNode parameterRanges) {
    List<String> out = new ArrayList<>();
    for (java.util.Iterator<String> it = parameterRanges.fieldNames(); it.hasNext(); ) {
      String list = it.next();
      if (!list.equals("IntegerParameterRanges") && !list.equals("ContinuousParameterRanges")
          && !list.equals("CategoricalParameterRanges")) {
        continue;
      }
      for (com.fasterxml.jackson.databind.JsonNode e : parameterRanges.path(list)) {
        if (e.path("Name").isTextual()) {
          out.add(e.path("Name").textValue());
        }
      }
    }
    return out;
  }

  /**
   * The JSON path of each range's {@code Name}, by hyperparameter name, e.g.
   * {@code learning_rat -> HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[0].Name}.
   * Reads a request that {@link #read} accepted.
   */
  public static java.util.Map<String, String> namePaths(JsonSpecReader config) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    JsonSpecReader pr = config.optionalObject("ParameterRanges");
    if (pr == null) {
      return out;
    }
    for (String list : List.of("IntegerParameterRanges", "ContinuousParameterRanges", "CategoricalParameterRanges")) {
      for (JsonSpecReader e : pr.objects(list, 0, MAX_RANGES)) {
        out.put(e.string("Name"), e.path() + ".Name");
      }
    }
    return out;
  }

  /**
   * Writes the {@code ParameterRanges} object as the SageMaker SDK does: all three lists
   * (Continuous, Categorical, Integer; empty ones too), each range in the order given, bounds as
   * strings and a ScalingType on numeric ranges.
   *
   * @param ranges          the ranges
   * @param continuousBound how a continuous bound is written (the SDK writes Python's
   *                        {@code str(float)})
   */
  public static ObjectNode write(List<ParameterRange> ranges, DoubleFunction<String> continuousBound) {
    ObjectNode o = Json.object();
    WRITE_ORDER.forEach(o::putArray);
    for (ParameterRange r : ranges) {
      ArrayNode list = (ArrayNode) o.get(r.accept(LIST_FIELD));
      list.add(r.accept(new EntryWriter(continuousBound)));
    }
    return o;
  }

  /**
   * The JSON path of the {@code index}-th entry of a list, e.g.
   * {@code HyperParameterTuningJobConfig.ParameterRanges.IntegerParameterRanges[0]}.
   *
   * @param listField e.g. {@code IntegerParameterRanges}
   */
  public static String entryPath(String listField, int index) {
    return "HyperParameterTuningJobConfig.ParameterRanges." + listField + "[" + index + "]";
  }

  /**
   * Builds a range, turning the range's own validation error into a SpecException at
   * {@code path}.
   */
  public static <T extends ParameterRange> T build(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (SpecException x) {
      throw x;
    } catch (IllegalArgumentException x) {
      throw new SpecException(path, x.getMessage());
    }
  }

  /** Writes one entry: {@code {Name, MinValue, MaxValue, ScalingType}} or {@code {Name, Values}}. */
  private record EntryWriter(DoubleFunction<String> continuousBound) implements ParameterRange.Visitor<ObjectNode> {
    @Override
    public ObjectNode continuous(ContinuousRange range) {
      return bounds(range.name(), continuousBound.apply(range.min()), continuousBound.apply(range.max()),
          range.scaling());
    }

    @Override
    public ObjectNode integer(IntegerRange range) {
      return bounds(range.name(), range.format(range.min()), range.format(range.max()), range.scaling());
    }

    @Override
    public ObjectNode categorical(CategoricalRange range) {
      ObjectNode o = Json.object();
      o.put("Name", range.name());
      ArrayNode a = o.putArray("Values");
      range.values().forEach(a::add);
      return o;
    }

    private static ObjectNode bounds(String name, String min, String max, ScalingType scaling) {
      ObjectNode o = Json.object();
      o.put("Name", name);
      o.put("MinValue", min);
      o.put("MaxValue", max);
      o.put("ScalingType", scaling.sageMakerName());
      return o;
    }
  }

  private static String rangeName(JsonSpecReader e, Set<String> names) {
    String n = HyperParameterNames.check(e.path() + ".Name", e.string("Name"));
    if (!names.add(n)) {
      throw new SpecException(e.path() + ".Name", n, "a hyperparameter name used by only one range");
    }
    return n;
  }

  private static ScalingType scaling(JsonSpecReader e) {
    String s = e.oneOf("ScalingType", List.of("Auto", "Linear", "Logarithmic", "ReverseLogarithmic"), "Auto");
    return ScalingType.fromSageMaker(s);
  }

  private static long parseLong(JsonSpecReader e, String field) {
    String v = e.string(field);
    try {
      long n = Long.parseLong(v.trim());
      if (Math.abs(n) > MAX_INTEGER_BOUND) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException x) {
      throw new SpecException(e.path() + "." + field, v, "an integer from " + -MAX_INTEGER_BOUND + " to "
          + MAX_INTEGER_BOUND + " written as a string, e.g. \"3\"");
    }
  }

  private static double parseDouble(JsonSpecReader e, String field) {
    String v = e.string(field);
    try {
      double d = Double.parseDouble(v.trim());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException x) {
      throw new SpecException(e.path() + "." + field, v, "a finite number from " + -Double.MAX_VALUE + " to "
          + Double.MAX_VALUE + " written as a string, e.g. \"0.05\"");
    }
  }
}
