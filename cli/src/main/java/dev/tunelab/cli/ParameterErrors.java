package dev.tunelab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What {@code tunelab} prints for a command line it cannot parse: a few lines, not the whole
 * usage. The error (escaped for the terminal), for a mistyped option or command the closest
 * names ("did you mean --hyper-parameter-tuning-job-name?"), and where the help is
 * ({@code tunelab VERB --help}). Exit code 2 (bad input).
 *
 * <p>Closeness: the share of the typed name's words (split at '-') found in a candidate's, a
 * word matching when equal or one or two edits away (by its length); ties go to the smaller
 * edit distance between the whole names. Only candidates sharing at least half the words, or
 * within a few edits overall, are offered; at most three.
 */
final class ParameterErrors {
  private ParameterErrors() { }

  /** The parameter exception handler of {@link Main#commandLine()}. */
  static int handle(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    CommandSpec spec = cl.getCommandSpec();
    String message = ex.getMessage();
    List<String> suggestions = List.of();
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String typed = u.getUnmatched().get(0);
      if (typed.startsWith("-")) {
        String bare = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        suggestions = closest(bare, optionNames(spec));
        message = "unknown option '" + bare + "'";
      } else if (!spec.subcommands().isEmpty()) {
        suggestions = closest(typed, new ArrayList<>(spec.subcommands().keySet()));
        message = "'" + typed + "' is not a " + spec.qualifiedName() + " command";
      }
    }
    err.println("tunelab: error: " + TerminalText.escape(message));
    if (!suggestions.isEmpty()) {
      err.println("Did you mean " + String.join(" or ", suggestions) + "?");
    }
    err.println("See `" + spec.qualifiedName() + " --help`.");
    err.flush();
    return Main.BAD_INPUT;
  }

  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        for (String n : o.names()) {
          if (n.startsWith("--")) {
            names.add(n);
          }
        }
      }
    }
    return names;
  }

  /** The candidates closest to {@code typed}, best first (at most three). */
  static List<String> closest(String typed, List<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    record Scored(String name, double share, int distance) { }
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      if (lc.equals(t)) {
        continue;
      }
      double share = wordShare(t, lc);
      int distance = distance(t, lc);
      if (share >= 0.5 || distance <= Math.max(2, t.length() / 4)) {
        scored.add(new Scored(c, share, distance));
      }
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.share()).thenComparingInt(Scored::distance)
        .thenComparing(Scored::name));
    List<String> best = new ArrayList<>();
    for (Scored s : scored) {
      // offer the runners-up only while they are as good as the first
      if (best.isEmpty() || best.size() < 3 && s.share() == scored.get(0).share()
          && s.distance() <= scored.get(0).distance() + 3) {
        best.add(s.name());
      }
    }
    return best;
  }

  private static double wordShare(String typed, String candidate) {
    String[] words = typed.replaceFirst("^-+", "").split("-");
    String[] theirs = candidate.replaceFirst("^-+", "").split("-");
    int found = 0;
    int counted = 0;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      counted++;
      int allowed = w.length() >= 8 ? 2 : w.length() >= 4 ? 1 : 0;
      for (String x : theirs) {
        if (distance(w, x) <= allowed) {
          found++;
          break;
        }
      }
    }
    return counted == 0 ? 0 : (double) found / counted;
  }

  /** Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
