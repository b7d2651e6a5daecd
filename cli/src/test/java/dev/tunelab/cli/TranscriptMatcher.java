package dev.tunelab.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Compares a command's real output with the output a transcript shows for it, and writes a
 * transcript's output anew from a real run.
 *
 * <p>Only volatile parts are normalised on both sides before comparing (see {@link #normalise}):
 * wall-clock times and dates, durations in seconds, the scratch folders' random names, byte counts
 * of written files, a tune's progress summary after {@code |}, and runs of spaces (table columns
 * move when a duration gets a digit more). Job names, hyperparameters, objectives and errors must
 * match exactly. A line {@code ...} in the expected output stands for any number of lines.
 */
final class TranscriptMatcher {
  private TranscriptMatcher() { }

  private record Rule(Pattern pattern, String replacement) {
    String apply(String s) {
      return pattern.matcher(s).replaceAll(replacement);
    }
  }

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }

  /** The volatile parts, in the order they are replaced. */
  private static final List<Rule> VOLATILE = List.of(
      // a mktemp -d folder: /tmp/tmp.XXXXXXXXXX
      rule("/tmp/tmp\\.[A-Za-z0-9]+", "/tmp/tmp.<scratch>"),
      // ISO-8601 instants (store times, metric timestamps, ConvergenceDetectedTime)
      rule("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>"),
      // durations in JSON
      rule("\"(TrainingTimeInSeconds|BillableTimeInSeconds|RuntimeInSeconds|TrainingRuntimeInSeconds)\" : [0-9.]+",
          "\"$1\" : <seconds>"),
      // train's summary
      rule("Training seconds: \\d+ \\([0-9.]+ s\\)", "Training seconds: <seconds>"),
      rule("Billable seconds: \\d+", "Billable seconds: <seconds>"),
      // tune's summary, and any other "N.NN s"
      rule("\\b\\d+(\\.\\d+)? s\\b", "<seconds> s"),
      // a tune's progress after each event: counts, best so far, elapsed and ETA depend on finishing order and speed
      rule("^((?:finished|started|stopped|failed)\\s.*?) \\| .*$", "$1 | <progress>"),
      rule("^progress: .*$", "progress: <progress>"),
      // the size of a written report (it holds times)
      rule("\\([0-9][0-9,.]* bytes\\)", "(<n> bytes)"),
      // analytics CSV: TrainingStartTime,TrainingEndTime,TrainingElapsedTimeSeconds
      rule("<time>,<time>,[0-9.]+$", "<time>,<time>,<seconds>"),
      // the SECONDS column of list-training-jobs-for-hyper-parameter-tuning-job's table
      rule("^(\\S+\\s+\\S+\\s+\\S+\\s+)[0-9]+\\.[0-9]+(\\s+\\{)", "$1<seconds>$2"),
      // the timestamp column (seconds since the job started) of metrics' table
      rule("^\\s*[0-9]+\\.[0-9]+(\\s+[a-z_]+:[a-z_@0-9-]+\\s)", "<t>$1"),
      // column alignment
      rule("[ \\t]{2,}", " "),
      rule("\\s+$", ""));

  /** One line with its volatile parts replaced by placeholders. */
  static String normalise(String line) {
    String s = line;
    for (Rule r : VOLATILE) {
      s = r.apply(s);
    }
    return s;
  }

  /**
   * The lines normalised ({@link #normalise}). Hyperparameters keep their order: the spec's order
   * is part of what the tutorial shows (static first, then the ranges as written), the same in
   * every JVM.
   */
  static List<String> canonical(List<String> lines) {
    return lines.stream().map(TranscriptMatcher::normalise).toList();
  }

  /** A looser key for regenerating elided blocks: also every number and 8-hex suffix replaced. */
  static String shape(String line) {
    return normalise(line).replaceAll("[0-9a-f]{8}", "#").replaceAll("[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?", "#");
  }

  /** Lines without the trailing blank ones. */
  static List<String> trimTrailing(List<String> lines) {
    int n = lines.size();
    while (n > 0 && lines.get(n - 1).isBlank()) {
      n--;
    }
    return lines.subList(0, n);
  }

  /**
   * Null when {@code actual} matches {@code expected}, else a readable diff ({@code -} expected,
   * {@code +} actual, normalised; a {@code ...} line of the expected output stays as it is).
   */
  static String compare(List<String> expected, List<String> actual, boolean unordered) {
    List<String> e = canonical(trimTrailing(expected));
    List<String> a = canonical(trimTrailing(actual));
    if (unordered) {
      return compareUnordered(e, a);
    }
    Alignment al = align(e, a, String::equals);
    if (al.cost == 0) {
      return null;
    }
    return al.diff(e, a);
  }

  private static String compareUnordered(List<String> e, List<String> a) {
    boolean open = e.contains(TutorialTranscript.ELLIPSIS);
    List<String> missing = new ArrayList<>(e);
    missing.removeIf(TutorialTranscript.ELLIPSIS::equals);
    List<String> extra = new ArrayList<>();
    for (String line : a) {
      if (!missing.remove(line)) {
        extra.add(line);
      }
    }
    if (missing.isEmpty() && (open || extra.isEmpty())) {
      return null;
    }
    StringBuilder sb = new StringBuilder("(lines compared in any order)\n");
    missing.forEach(l -> sb.append("- ").append(l).append('\n'));
    if (!open) {
      extra.forEach(l -> sb.append("+ ").append(l).append('\n'));
    }
    return sb.toString();
  }

  /**
   * The output to write for a command: the real output, keeping the transcript's elisions. Where the
   * elided block still matches, the lines kept are the real ones at the same places; where it does not,
   * lines are aligned by {@link #shape} and {@code warnings} says to review the block.
   */
  static List<String> regenerate(List<String> expected, List<String> actual, boolean unordered, String where,
      List<String> warnings) {
    List<String> e = trimTrailing(expected);
    List<String> a = trimTrailing(actual);
    if (!e.contains(TutorialTranscript.ELLIPSIS)) {
      return a;
    }
    if (unordered) {
      warnings.add(where + ": '...' in an unordered block: wrote the whole output");
      return a;
    }
    List<String> en = canonical(e);
    List<String> an = canonical(a);
    Alignment al = align(en, an, String::equals);
    if (al.cost != 0) {
      al = align(e.stream().map(TranscriptMatcher::shape).toList(), a.stream().map(TranscriptMatcher::shape).toList(),
          String::equals);
      warnings.add(where + ": the elided output changed (" + al.cost + " lines differ in shape): review the '...' there");
    }
    List<String> out = new ArrayList<>();
    for (Step s : al.steps) {
      switch (s.kind) {
        case MATCH, INSERT -> out.add(a.get(s.j));
        case SKIP -> {
          if (out.isEmpty() || !out.get(out.size() - 1).equals(TutorialTranscript.ELLIPSIS)) {
            out.add(TutorialTranscript.ELLIPSIS);
          }
        }
        case ELLIPSIS_END -> {
          if (out.isEmpty() || !out.get(out.size() - 1).equals(TutorialTranscript.ELLIPSIS)) {
            out.add(TutorialTranscript.ELLIPSIS);
          }
        }
        case DELETE -> { }
      }
    }
    return out;
  }

  private enum Kind { MATCH, DELETE, INSERT, SKIP, ELLIPSIS_END }

  /** One step of an alignment: i indexes the expected lines, j the actual ones. */
  private record Step(Kind kind, int i, int j) { }

  private record Alignment(int cost, List<Step> steps) {
    String diff(List<String> e, List<String> a) {
      List<String> out = new ArrayList<>();
      boolean[] changed = new boolean[steps.size()];
      for (int k = 0; k < steps.size(); k++) {
        Kind kd = steps.get(k).kind;
        changed[k] = kd == Kind.DELETE || kd == Kind.INSERT;
      }
      int context = 3;
      int lastShown = -1;
      for (int k = 0; k < steps.size(); k++) {
        boolean near = false;
        for (int d = Math.max(0, k - context); d <= Math.min(steps.size() - 1, k + context) && !near; d++) {
          near = changed[d];
        }
        if (!near) {
          continue;
        }
        if (lastShown >= 0 && k > lastShown + 1) {
          out.add("@@");
        }
        lastShown = k;
        Step s = steps.get(k);
        switch (s.kind) {
          case MATCH -> out.add("  " + a.get(s.j));
          case DELETE -> out.add("- " + e.get(s.i));
          case INSERT -> out.add("+ " + a.get(s.j));
          case SKIP -> out.add("  ... " + a.get(s.j));
          case ELLIPSIS_END -> out.add("  ...");
        }
      }
      return String.join("\n", out) + "\n";
    }
  }

  /** The cheapest alignment (fewest expected lines missing plus actual lines extra); '...' takes any lines for free. */
  private static Alignment align(List<String> e, List<String> a, BiPredicate<String, String> eq) {
    int n = e.size();
    int m = a.size();
    int[][] d = new int[n + 1][m + 1];
    for (int j = 0; j <= m; j++) {
      d[n][j] = m - j;
    }
    for (int i = n - 1; i >= 0; i--) {
      boolean ell = e.get(i).equals(TutorialTranscript.ELLIPSIS);
      d[i][m] = ell ? d[i + 1][m] : 1 + d[i + 1][m];
      for (int j = m - 1; j >= 0; j--) {
        if (ell) {
          d[i][j] = Math.min(d[i + 1][j], d[i][j + 1]);
        } else {
          int best = 1 + Math.min(d[i + 1][j], d[i][j + 1]);
          if (eq.test(e.get(i), a.get(j))) {
            best = Math.min(best, d[i + 1][j + 1]);
          }
          d[i][j] = best;
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i == n) {
        steps.add(new Step(Kind.INSERT, i, j++));
        continue;
      }
      boolean ell = e.get(i).equals(TutorialTranscript.ELLIPSIS);
      if (ell) {
        if (j < m && d[i][j] == d[i][j + 1] && d[i + 1][j] != d[i][j]) {
          steps.add(new Step(Kind.SKIP, i, j++));
        } else {
          steps.add(new Step(Kind.ELLIPSIS_END, i++, j));
        }
        continue;
      }
      if (j < m && eq.test(e.get(i), a.get(j)) && d[i][j] == d[i + 1][j + 1]) {
        steps.add(new Step(Kind.MATCH, i++, j++));
      } else if (d[i][j] == 1 + d[i + 1][j]) {
        steps.add(new Step(Kind.DELETE, i++, j));
      } else {
        steps.add(new Step(Kind.INSERT, i, j++));
      }
    }
    return new Alignment(d[0][0], Collections.unmodifiableList(steps));
  }
}
