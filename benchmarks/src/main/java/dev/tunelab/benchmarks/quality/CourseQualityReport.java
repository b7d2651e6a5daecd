package dev.tunelab.benchmarks.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tuning quality on the course's spec: for tuning seeds 1..N (default 20), the best
 * validation:rmse of a 20-job tuning job with Strategy Bayesian (3 parallel, as the course),
 * Random (3 parallel) and Bayesian sequential (1 parallel, to see what parallelism costs).
 * Prints per-seed bests and, per strategy, minimum, quartiles, median and maximum as markdown.
 *
 * <p>Usage (from the repository root):
 * {@code java -cp benchmarks/target/tunelab-benchmarks.jar dev.tunelab.benchmarks.quality.CourseQualityReport [--seeds 20] [--nthread N] [--spec FILE] [--home DIR]}
 */
public final class CourseQualityReport {
  private CourseQualityReport() { }

  /** Runs the report; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    ReportOptions o = ReportOptions.parse(args, 20);
    CourseSpec course = CourseSpec.load(o.spec(), o.nthread());
    List<String> labels = List.of("Bayesian p3", "Random p3", "Bayesian p1");
    Map<String, List<TuningResult>> results = new LinkedHashMap<>();
    labels.forEach(l -> results.put(l, new ArrayList<>()));
    try (TuningBench bench = new TuningBench(course, o.home(), "cq")) {
      for (int seed = 1; seed <= o.seeds(); seed++) {
        TuningVariant v = TuningVariant.course(seed);
        results.get(labels.get(0)).add(bench.run(v));
        results.get(labels.get(1)).add(bench.run(v.strategy("Random")));
        results.get(labels.get(2)).add(bench.run(v.limits(20, 1)));
        System.err.printf("seed %d done%n", seed);
      }
    }
    System.out.println("## CourseQualityReport " + LocalDate.now() + " (" + o.spec() + ", 20 jobs, seeds 1.." + o.seeds()
        + (o.nthread() > 0 ? ", nthread " + o.nthread() : ", nthread TuneLab default") + ")\n");
    System.out.println("Best validation:rmse per tuning seed:\n");
    Markdown perSeed = new Markdown("seed", labels.get(0), labels.get(1), labels.get(2));
    for (int i = 0; i < o.seeds(); i++) {
      perSeed.row(i + 1, Markdown.num(results.get(labels.get(0)).get(i).best(), 4),
          Markdown.num(results.get(labels.get(1)).get(i).best(), 4), Markdown.num(results.get(labels.get(2)).get(i).best(), 4));
    }
    System.out.println(perSeed);
    System.out.println("Summary (best validation:rmse over seeds; quartiles type 7; wall = median seconds per tuning job):\n");
    Markdown sum = new Markdown("strategy", "n", "min", "Q1", "median", "Q3", "max", "wall s");
    for (String l : labels) {
      List<TuningResult> rs = results.get(l);
      Summary s = Summary.of(rs.stream().mapToDouble(TuningResult::best).toArray());
      double wall = Summary.median(rs.stream().mapToDouble(r -> r.wallMillis() / 1000.0).toArray());
      sum.row(l, s.n(), Markdown.num(s.min(), 4), Markdown.num(s.q1(), 4), Markdown.num(s.median(), 4),
          Markdown.num(s.q3(), 4), Markdown.num(s.max(), 4), Markdown.num(wall, 2));
    }
    System.out.println(sum);
    long bayesWins = 0;
    for (int i = 0; i < o.seeds(); i++) {
      if (results.get(labels.get(0)).get(i).best() < results.get(labels.get(1)).get(i).best()) {
        bayesWins++;
      }
    }
    System.out.printf("Bayesian p3 beats Random p3 on %d of %d seeds.%n", bayesWins, o.seeds());
  }
}
