package dev.tunelab.core.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of SageMaker's {@code AlgorithmSpecification.MetricDefinitions}: a metric name and
 * the regular expression that finds its value in a training job's log lines. The value is the
 * first capturing group.
 *
 * <p>SageMaker's regexes are Python regexes written against CloudWatch lines, where a TAB shows
 * as {@code #011}. Python named groups ({@code (?P<name>...)}, {@code (?P=name)}) are converted
 * to Java's syntax by {@link #javaRegex()}; the common rest of the syntax is the same. The
 * trainer applies each regex to the line with tabs written as {@code #011} and, if that does
 * not match, to the raw line, so regexes written either way work.
 *
 * @param name  metric name, for example {@code validation:rmse}
 * @param regex the regular expression, Python or Java style, with at least one capturing group
 */
public record MetricDefinition(String name, String regex) {

  private static final String EXPECTED_REGEX = "a valid regular expression with one capturing group";
  private static final Pattern PY_NAMED_GROUP = Pattern.compile("\\(\\?P<([^>]*)>");
  private static final Pattern PY_BACKREF = Pattern.compile("\\(\\?P=([^)]*)\\)");

  public MetricDefinition {
    if (name == null) {
      throw new IllegalArgumentException("MetricDefinition.Name: missing; expected a metric name");
    }
    if (regex == null) {
      throw new IllegalArgumentException("MetricDefinition.Regex of '" + name
          + "': missing; expected " + EXPECTED_REGEX);
    }
  }

  /**
   * The regex in Java syntax: Python named groups {@code (?P<n>...)} become {@code (?<n>...)}
   * and back references {@code (?P=n)} become {@code \k<n>}, with group names reduced to the
   * letters and digits Java accepts.
   */
  public String javaRegex() {
    Map<String, String> names = new HashMap<>();
    Set<String> used = new HashSet<>();
    Matcher m = PY_NAMED_GROUP.matcher(regex);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String javaName = names.computeIfAbsent(m.group(1), n -> javaGroupName(n, used));
      m.appendReplacement(out, Matcher.quoteReplacement("(?<" + javaName + ">"));
    }
    m.appendTail(out);
    Matcher b = PY_BACKREF.matcher(out.toString());
    StringBuilder out2 = new StringBuilder();
    while (b.find()) {
      String javaName = names.computeIfAbsent(b.group(1), n -> javaGroupName(n, used));
      b.appendReplacement(out2, Matcher.quoteReplacement("\\k<" + javaName + ">"));
    }
    b.appendTail(out2);
    return out2.toString();
  }

  private static String javaGroupName(String pythonName, Set<String> used) {
    String base = pythonName.replaceAll("[^A-Za-z0-9]", "");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "g" + base;
    }
    String candidate = base;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = base + i;
    }
    return candidate;
  }

  /**
   * Compiles {@link #javaRegex()}.
   *
   * @throws SpecException naming {@code AlgorithmSpecification.MetricDefinitions.Regex} when the
   *     regex does not compile or has no capturing group
   */
  public Pattern pattern() {
    return compile("AlgorithmSpecification.MetricDefinitions.Regex");
  }

  private Pattern compile(String field) {
    Pattern p;
    try {
      p = Pattern.compile(javaRegex());
    } catch (PatternSyntaxException e) {
      throw new SpecException(field, regex, EXPECTED_REGEX + " (" + e.getDescription() + ")");
    }
    if (p.matcher("").groupCount() < 1) {
      throw new SpecException(field, regex, EXPECTED_REGEX + " (it has no capturing group)");
    }
    return p;
  }

  /**
   * Checks a spec's metric definitions and compiles their regexes, in order.
   *
   * @return one compiled pattern per definition, in the same order
   * @throws SpecException naming {@code AlgorithmSpecification.MetricDefinitions[i].Name} for a
   *     blank or repeated name, or {@code AlgorithmSpecification.MetricDefinitions[i].Regex} for
   *     a regex that does not compile or has no capturing group
   */
  public static List<Pattern> validate(List<MetricDefinition> definitions) {
    Objects.requireNonNull(definitions, "definitions");
    List<Pattern> patterns = new ArrayList<>(definitions.size());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < definitions.size(); i++) {
      String field = "AlgorithmSpecification.MetricDefinitions[" + i + "]";
      MetricDefinition d = definitions.get(i);
      if (d == null) {
        throw new SpecException(field, null, "an object with Name and Regex");
      }
      if (d.name().isBlank()) {
        throw new SpecException(field + ".Name", d.name(), "a non-blank metric name");
      }
      if (!names.add(d.name())) {
        throw new SpecException(field + ".Name", d.name(),
            "a metric name not already used by another metric definition");
      }
      patterns.add(d.compile(field + ".Regex"));
    }
    return List.copyOf(patterns);
  }
}
