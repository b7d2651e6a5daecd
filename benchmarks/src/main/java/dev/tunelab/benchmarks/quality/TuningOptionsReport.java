package dev.tunelab.benchmarks.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What early stopping and Hyperband save on the course's spec, for tuning seeds 1..N (default 5):
 * <ol type="a">
 *   <li>TrainingJobEarlyStoppingType Auto vs Off (Bayesian, 20 jobs, 3 parallel as the course);</li>
 *   <li>Strategy Hyperband (HyperbandStrategyConfig MinResource 1, MaxResource 200, early stopping
 *       Off) vs Bayesian, 20 jobs each, 3 parallel;</li>
 *   <li>as (a) with MaxParallelTrainingJobs 1;</li>
 *   <li>as (a) with Strategy Random, whose configurations do not depend on the results, so both
 *       tuning jobs train (nearly: Random with parallelism > 1 depends a little on timing) the same
 *       configurations and the difference is essentially early stopping's.</li>
 * </ol>
 * For each pair: boosting rounds trained (summed over the tuning job's training jobs), jobs
 * Stopped, best validation:rmse, and the reduction in rounds (%), per seed and as medians.
 *
 * <p>Usage (from the repository root):
 * {@code java -cp benchmarks/target/tunelab-benchmarks.jar dev.tunelab.benchmarks.quality.TuningOptionsReport [--seeds 5] [--nthread N] [--spec FILE] [--home DIR]}
 */
public final class TuningOptionsReport {
  private TuningOptionsReport() { }

  /** One comparison: a baseline variant and a cheaper one, per seed. */
  private record Pair(TuningResult base, TuningResult cheap) {
    double reductionPercent() {
      return 100.0 * (base.rounds() - cheap.rounds()) / base.rounds();
    }
  }

  /** Runs the report; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    ReportOptions o = ReportOptions.parse(args, 5);
    CourseSpec course = CourseSpec.load(o.spec(), o.nthread());
    System.out.println("## TuningOptionsReport " + LocalDate.now() + " (" + o.spec() + ", 20 jobs, seeds 1.." + o.seeds()
        + (o.nthread() > 0 ? ", nthread " + o.nthread() : ", nthread TuneLab default") + ")\n");
    try (TuningBench bench = new TuningBench(course, o.home(), "to")) {
      section(bench, o.seeds(), "(a) Early stopping Auto vs Off, Bayesian, 3 parallel", "Off", "Auto",
          v -> v, v -> v.earlyStopping(true));
      section(bench, o.seeds(), "(b) Hyperband (MinResource 1, MaxResource 200) vs Bayesian, 3 parallel", "Bayesian", "Hyperband",
          v -> v, v -> v.hyperband(1, 200));
      section(bench, o.seeds(), "(c) Early stopping Auto vs Off, Bayesian, 1 parallel (sequential)", "Off", "Auto",
          v -> v.limits(20, 1), v -> v.limits(20, 1).earlyStopping(true));
      section(bench, o.seeds(), "(d) Early stopping Auto vs Off, Random, 3 parallel (configurations independent of results)", "Off", "Auto",
          v -> v.strategy("Random"), v -> v.strategy("Random").earlyStopping(true));
    }
  }

  private static void section(TuningBench bench, int seeds, String title, String baseName, String cheapName,
      UnaryOperator<TuningVariant> base, UnaryOperator<TuningVariant> cheap) {
    List<Pair> pairs = new ArrayList<>();
    for (int seed = 1; seed <= seeds; seed++) {
      TuningVariant v = TuningVariant.course(seed);
      pairs.add(new Pair(bench.run(base.apply(v)), bench.run(cheap.apply(v))));
      System.err.printf("%s seed %d done%n", title.substring(0, 3), seed);
    }
    System.out.println("### " + title + "\n");
    Markdown t = new Markdown("seed", "rounds " + baseName, "rounds " + cheapName, "reduction %",
        "stopped " + baseName, "stopped " + cheapName, "best " + baseName, "best " + cheapName);
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      t.row(i + 1, p.base().rounds(), p.cheap().rounds(), Markdown.num(p.reductionPercent(), 1),
          p.base().stopped(), p.cheap().stopped(), Markdown.num(p.base().best(), 4), Markdown.num(p.cheap().best(), 4));
    }
    System.out.println(t);
    Summary red = Summary.of(pairs.stream().mapToDouble(Pair::reductionPercent).toArray());
    Summary rb = Summary.of(pairs.stream().mapToDouble(p -> p.base().rounds()).toArray());
    Summary rc = Summary.of(pairs.stream().mapToDouble(p -> p.cheap().rounds()).toArray());
    Summary bb = Summary.of(pairs.stream().mapToDouble(p -> p.base().best()).toArray());
    Summary bc = Summary.of(pairs.stream().mapToDouble(p -> p.cheap().best()).toArray());
    Summary sc = Summary.of(pairs.stream().mapToDouble(p -> p.cheap().stopped()).toArray());
    Markdown s = new Markdown("measure (median [Q1, Q3])", baseName, cheapName);
    s.row("rounds trained", rb.medianWithQuartiles(0), rc.medianWithQuartiles(0));
    s.row("reduction in rounds %", "", red.medianWithQuartiles(1));
    s.row("jobs Stopped", "", sc.medianWithQuartiles(0));
    s.row("best validation:rmse", bb.medianWithQuartiles(4), bc.medianWithQuartiles(4));
    System.out.println(s);
  }
}
