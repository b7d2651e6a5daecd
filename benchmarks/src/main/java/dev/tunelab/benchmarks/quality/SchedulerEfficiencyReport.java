package dev.tunelab.benchmarks.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Scheduler efficiency: 40 Random-strategy jobs of the course's spec with MaxParallelTrainingJobs
 * 2 and 1 (the same tuning seed, so the same configurations), N repetitions each (default 5),
 * alternating, in one JVM after one warm-up run of each. Per tuning job: wall time, throughput
 * (training jobs per second) and the time per job spent outside training,
 * (wall time x parallelism - sum of the time each job spent inside the trainer's train call) /
 * jobs, in milliseconds
 * and as a % of the slot time per job; medians per parallelism and the throughput ratio.
 *
 * <p>Usage (from the repository root):
 * {@code java -cp benchmarks/target/tunelab-benchmarks.jar dev.tunelab.benchmarks.quality.SchedulerEfficiencyReport [--seeds 5] [--nthread N] [--spec FILE] [--home DIR]}
 * ({@code --seeds} is the number of repetitions here).
 */
public final class SchedulerEfficiencyReport {
  private SchedulerEfficiencyReport() { }

  /** Tuning seed of every run (Random strategy: the same 40 configurations each time). */
  static final long SEED = 7;
  /** Training jobs per tuning job. */
  static final int JOBS = 40;

  /** Runs the report; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    ReportOptions o = ReportOptions.parse(args, 5);
    CourseSpec course = CourseSpec.load(o.spec(), o.nthread());
    TuningVariant p1 = TuningVariant.course(SEED).strategy("Random").limits(JOBS, 1);
    TuningVariant p2 = p1.limits(JOBS, 2);
    List<TuningResult> r1 = new ArrayList<>();
    List<TuningResult> r2 = new ArrayList<>();
    try (TuningBench bench = new TuningBench(course, o.home(), "se")) {
      bench.run(p2);
      bench.run(p1);
      System.err.println("warm-up done");
      for (int i = 0; i < o.seeds(); i++) {
        r2.add(bench.run(p2));
        r1.add(bench.run(p1));
        System.err.printf("repetition %d done%n", i + 1);
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.println("## SchedulerEfficiencyReport " + LocalDate.now() + " (" + JOBS + " Random jobs, seed " + SEED
        + ", " + o.seeds() + " repetitions, " + cores + " processors"
        + (o.nthread() > 0 ? ", nthread " + o.nthread() : ", nthread TuneLab default") + ")\n");
    Markdown t = new Markdown("rep", "parallel", "wall s", "jobs/s", "training s (sum)", "rounds",
        "outside training ms/job", "outside training %");
    for (int i = 0; i < o.seeds(); i++) {
      for (TuningResult r : List.of(r2.get(i), r1.get(i))) {
        t.row(i + 1, r.variant().parallel(), Markdown.num(r.wallMillis() / 1000.0, 2), Markdown.num(r.jobsPerSecond(), 2),
            Markdown.num(r.trainingMillis() / 1000.0, 2), r.rounds(), Markdown.num(r.outsideTrainingMillisPerJob(), 1),
            Markdown.num(r.outsideTrainingPercent(), 1));
      }
    }
    System.out.println(t);
    Markdown s = new Markdown("measure (median [Q1, Q3])", "parallel 2", "parallel 1");
    s.row("wall s", med(r2, r -> r.wallMillis() / 1000.0, 2), med(r1, r -> r.wallMillis() / 1000.0, 2));
    s.row("jobs/s", med(r2, TuningResult::jobsPerSecond, 2), med(r1, TuningResult::jobsPerSecond, 2));
    s.row("mean training job s", med(r2, r -> r.trainingMillis() / 1000.0 / r.jobs(), 3),
        med(r1, r -> r.trainingMillis() / 1000.0 / r.jobs(), 3));
    s.row("outside training ms/job", med(r2, TuningResult::outsideTrainingMillisPerJob, 1),
        med(r1, TuningResult::outsideTrainingMillisPerJob, 1));
    s.row("outside training %", med(r2, TuningResult::outsideTrainingPercent, 1), med(r1, TuningResult::outsideTrainingPercent, 1));
    s.row("outside training % by store times (TrainingStart/EndTime)", med(r2, TuningResult::outsideStoreTrainingPercent, 1),
        med(r1, TuningResult::outsideStoreTrainingPercent, 1));
    System.out.println(s);
    double[] ratios = new double[o.seeds()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = r2.get(i).jobsPerSecond() / r1.get(i).jobsPerSecond();
    }
    double ratioOfMedians = Summary.median(r2.stream().mapToDouble(TuningResult::jobsPerSecond).toArray())
        / Summary.median(r1.stream().mapToDouble(TuningResult::jobsPerSecond).toArray());
    System.out.printf("Throughput ratio (jobs/s at 2 / at 1): median of per-repetition ratios %s, ratio of medians %s.%n",
        Summary.of(ratios).medianWithQuartiles(2), Markdown.num(ratioOfMedians, 2));
  }

  private static String med(List<TuningResult> rs, ToDoubleFunction<TuningResult> f, int decimals) {
    return Summary.of(rs.stream().mapToDouble(f).toArray()).medianWithQuartiles(decimals);
  }
}
