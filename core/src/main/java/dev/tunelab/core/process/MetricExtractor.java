package dev.tunelab.core.process;

import dev.tunelab.core.spec.MetricDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Finds metric values in one training job's log lines and keeps, per metric, how many values
 * were seen and the last one. Not thread-safe: one instance per job, fed from one thread.
 */
final class MetricExtractor {

  /** One accepted metric value; {@code iteration} counts this metric's accepted values from 0. */
  record Observation(String name, int iteration, double value) { }

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private final List<MetricDefinition> definitions;
  private final List<Pattern> patterns;
  private final int[] counts;
  private final Map<String, Double> last = new LinkedHashMap<>();

  MetricExtractor(List<MetricDefinition> definitions, List<Pattern> patterns) {
    this.definitions = List.copyOf(definitions);
    this.patterns = List.copyOf(patterns);
    this.counts = new int[definitions.size()];
  }

  /**
   * Applies every metric regex to the line (first with tabs written as {@code #011}, then raw)
   * and returns the accepted values in definition order. A captured value that is not a finite
   * decimal number is ignored and reported to {@code notice}.
   */
  List<Observation> scan(String line, Consumer<String> notice) {
    List<Observation> found = new ArrayList<>(0);
    String cloudWatchLine = line.indexOf('\t') >= 0 ? line.replace("\t", "#011") : line;
    for (int i = 0; i < patterns.size(); i++) {
      Matcher m = patterns.get(i).matcher(cloudWatchLine);
      boolean matched = m.find();
      if (!matched && cloudWatchLine != line) {
        m = patterns.get(i).matcher(line);
        matched = m.find();
      }
      if (!matched) {
        continue;
      }
      String name = definitions.get(i).name();
      String captured = m.group(1);
      Double value = parse(captured);
      if (value == null) {
        notice.accept("[tunelab] metric '" + name + "': captured value '" + captured
            + "' is not a finite number; ignored");
        continue;
      }
      found.add(new Observation(name, counts[i]++, value));
      last.put(name, value);
    }
    return found;
  }

  private static Double parse(String captured) {
    if (captured == null) {
      return null;
    }
    String s = captured.trim();
    if (!NUMBER.matcher(s).matches()) {
      return null;
    }
    double v = Double.parseDouble(s);
    return Double.isFinite(v) ? v : null;
  }

  /** The last accepted value of each metric that had one, in the order first seen. */
  Map<String, Double> lastValues() {
    return Map.copyOf(last);
  }

  /** The number of accepted values of the metric that had the most (0 when none had any). */
  int maxCount() {
    int max = 0;
    for (int c : counts) {
      max = Math.max(max, c);
    }
    return max;
  }
}
