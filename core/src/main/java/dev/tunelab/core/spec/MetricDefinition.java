package dev.tunelab.core.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * One entry of SageMaker's {@code AlgorithmSpecification.MetricDefinitions}: a metric name and
 * the regular expression that finds its value in a training job's log lines. The value is the
 * first capturing group.
 *
 * <p>Regexes are matched with RE2/J, in time linear in the line's length whatever the regex, so
 * a job's output can never hang metric extraction (a backtracking engine takes exponential time
 * on {@code (a+)+$} against a line of a's ending in '!'). RE2 syntax
 * (https://github.com/google/re2/wiki/Syntax) is the common regex syntax without backreferences
 * and lookaround; Python named groups {@code (?P<name>...)} and Java's {@code (?<name>...)} are
 * accepted. A regex RE2 refuses is a spec error naming the field. SageMaker's regexes are
 * written against CloudWatch lines, where a TAB shows as {@code #011}: the trainer applies each
 * regex to the line with tabs written as {@code #011} and, if that does not match, to the raw
 * line, so regexes written either way work.
 *
 * @param name  metric name, for example {@code validation:rmse}
 * @param regex the regular expression in RE2 syntax, with at least one capturing group
 */
public record MetricDefinition(String name, String regex) {

  private static final String EXPECTED_REGEX = "a regular expression in RE2 syntax (the usual syntax without "
      + "backreferences or lookaround; see https://github.com/google/re2/wiki/Syntax) with one capturing group";

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
   * The regex as RE2/J takes it: Java-style named groups {@code (?<n>...)} become RE2's
   * {@code (?P<n>...)} (escaped parentheses and lookbehind {@code (?<=}, {@code (?<!} are left as
   * they are; RE2 then refuses lookbehind).
   */
  public String re2Regex() {
    StringBuilder out = new StringBuilder(regex.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
        continue;
      }
      if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          out.append(c).append(regex.charAt(++i)); // a ']' first in a class is literal
          continue;
        }
      } else if (c == '(' && regex.startsWith("?<", i + 1) && i + 3 < regex.length()
          && Character.isLetter(regex.charAt(i + 3))) {
        out.append("(?P<");
        i += 2;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Compiles {@link #re2Regex()} with RE2/J.
   *
   * @throws SpecException naming {@code AlgorithmSpecification.MetricDefinitions.Regex} when the
   *     regex does not compile under RE2 or has no capturing group
   */
  public Pattern pattern() {
    return compile("AlgorithmSpecification.MetricDefinitions.Regex");
  }

  private Pattern compile(String field) {
    Pattern p;
    try {
      p = Pattern.compile(re2Regex());
    } catch (PatternSyntaxException e) {
      throw new SpecException(field, regex, EXPECTED_REGEX + " (RE2: " + e.getDescription() + ")");
    }
    if (p.groupCount() < 1) {
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
   *     a regex that does not compile under RE2 or has no capturing group
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
