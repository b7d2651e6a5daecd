package dev.tunelab.core.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt names (spec fields, hyperparameters): the closest known name by
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
 * and swaps of two adjacent characters each cost 1), ignoring case. A name is only suggested when
 * it is close: at most 1 edit for names of up to 5 characters, 2 up to 8, 3 beyond.
 */
public final class Suggestions {
  private Suggestions() { }

  /**
   * The known name closest to {@code given}, if one is close enough; ties go to the first in
   * {@code known}'s iteration order.
   */
  public static Optional<String> closest(String given, Collection<String> known) {
    String g = given.toLowerCase(Locale.ROOT);
    int limit = g.length() <= 5 ? 1 : g.length() <= 8 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(g, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    boolean close = best != null && bestDistance <= limit && !best.equals(given);
    return close ? Optional.of(best) : Optional.empty();
  }

  /** {@code "; did you mean 'x'?"}, or "" when nothing is close. */
  public static String didYouMean(String given, Collection<String> known) {
    return closest(given, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** The optimal-string-alignment distance between two strings. */
  public static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
