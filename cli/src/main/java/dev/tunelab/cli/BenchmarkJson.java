package dev.tunelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.optimizer.benchmark.BenchmarkResult;
import dev.tunelab.optimizer.benchmark.Quartiles;
import java.util.List;

/**
 * The JSON document of {@code tunelab benchmark --json}:
 * {@code {"results": [{"function", "optimum", "strategy", "trials", "parallel", "seconds",
 * "final": {q1, median, q3}, "summary": [{"budget", "q1", "median", "q3"}...],
 * "seeds": [{"seed", "bestSoFar": [...]}...]}...]}}. Budgets count trials from 1; non-finite
 * numbers (a seed that never found a finite value) are written as null.
 */
final class BenchmarkJson {

  private BenchmarkJson() {
  }

  /** The document for some results, one line of compact JSON. */
  static String write(List<BenchmarkResult> results) {
    ObjectNode root = Json.object();
    ArrayNode out = root.putArray("results");
    for (BenchmarkResult r : results) {
      ObjectNode o = out.addObject();
      o.put("function", r.function());
      number(o, "optimum", r.optimum());
      o.put("strategy", r.strategy());
      o.put("trials", r.trials());
      o.put("parallel", r.parallel());
      number(o, "seconds", r.seconds());
      quartiles(o.putObject("final"), r.last());
      ArrayNode summary = o.putArray("summary");
      for (int t = 0; t < r.summary().size(); t++) {
        ObjectNode q = summary.addObject().put("budget", t + 1);
        quartiles(q, r.summary().get(t));
      }
      ArrayNode seeds = o.putArray("seeds");
      for (int s = 0; s < r.seeds().size(); s++) {
        ObjectNode seed = seeds.addObject();
        seed.put("seed", r.seeds().get(s));
        ArrayNode best = seed.putArray("bestSoFar");
        for (double v : r.trajectories().get(s)) {
          if (Double.isFinite(v)) {
            best.add(v);
          } else {
            best.addNull();
          }
        }
      }
    }
    return Json.write(root) + "\n";
  }

  private static void quartiles(ObjectNode o, Quartiles q) {
    number(o, "q1", q.q1());
    number(o, "median", q.median());
    number(o, "q3", q.q3());
  }

  private static void number(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }
}
