package dev.tunelab.optimizer.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * Benchmark results as a plain-text table: per result, the quartiles of best-so-far at a few
 * budgets. (The JSON form is written by the command line, with TuneLab's one JSON mapper.)
 */
public final class BenchmarkTable {

  private BenchmarkTable() {
  }

  /** A plain-text table: per result, quartiles at a few budgets. */
  public static String table(List<BenchmarkResult> results) {
    StringBuilder b = new StringBuilder();
    for (BenchmarkResult r : results) {
      b.append(String.format(Locale.ROOT, "%s  optimum %.6g  strategy %s  parallel %d  seeds %d  (%.1f s)%n",
          r.function(), r.optimum(), r.strategy(), r.parallel(), r.seeds().size(), r.seconds()));
      b.append(String.format(Locale.ROOT, "  %8s %14s %14s %14s%n", "budget", "q1", "median", "q3"));
      for (int t = 0; t < r.trials(); t++) {
        int budget = t + 1;
        if (budget == 1 || budget % 10 == 0 || budget == r.trials()) {
          Quartiles q = r.summary().get(t);
          b.append(String.format(Locale.ROOT, "  %8d %14.6g %14.6g %14.6g%n", budget, q.q1(), q.median(), q.q3()));
        }
      }
    }
    return b.toString();
  }
}
