package dev.tunelab.optimizer.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * Writes benchmark results as JSON by hand (the optimizer module has no JSON library):
 * {@code {"results": [{"function", "optimum", "strategy", "trials", "parallel", "seconds",
 * "final": {q1, median, q3}, "summary": [{"budget", "q1", "median", "q3"}...],
 * "seeds": [{"seed", "bestSoFar": [...]}...]}...]}}. Non-finite numbers are written as null.
 */
public final class BenchmarkJson {

  private BenchmarkJson() {
  }

  /** The JSON document for a list of results. */
  public static String write(List<BenchmarkResult> results) {
    StringBuilder b = new StringBuilder("{\"results\":[");
    for (int r = 0; r < results.size(); r++) {
      BenchmarkResult res = results.get(r);
      if (r > 0) {
        b.append(',');
      }
      b.append("\n{\"function\":").append(str(res.function()))
          .append(",\"optimum\":").append(num(res.optimum()))
          .append(",\"strategy\":").append(str(res.strategy()))
          .append(",\"trials\":").append(res.trials())
          .append(",\"parallel\":").append(res.parallel())
          .append(",\"seconds\":").append(num(res.seconds()))
          .append(",\"final\":").append(quartiles(res.last()))
          .append(",\"summary\":[");
      for (int t = 0; t < res.summary().size(); t++) {
        Quartiles q = res.summary().get(t);
        if (t > 0) {
          b.append(',');
        }
        b.append("{\"budget\":").append(t + 1).append(',').append(quartiles(q), 1, quartiles(q).length());
      }
      b.append("],\"seeds\":[");
      for (int s = 0; s < res.seeds().size(); s++) {
        if (s > 0) {
          b.append(',');
        }
        b.append("\n{\"seed\":").append(res.seeds().get(s)).append(",\"bestSoFar\":[");
        double[] tr = res.trajectories().get(s);
        for (int t = 0; t < tr.length; t++) {
          if (t > 0) {
            b.append(',');
          }
          b.append(num(tr[t]));
        }
        b.append("]}");
      }
      b.append("]}");
    }
    return b.append("\n]}\n").toString();
  }

  private static String quartiles(Quartiles q) {
    return "{\"q1\":" + num(q.q1()) + ",\"median\":" + num(q.median()) + ",\"q3\":" + num(q.q3()) + "}";
  }

  static String num(double v) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return Double.toString(v);
  }

  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
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
