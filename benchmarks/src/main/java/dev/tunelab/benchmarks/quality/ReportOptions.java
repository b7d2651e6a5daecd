package dev.tunelab.benchmarks.quality;

import java.nio.file.Path;

/**
 * Command-line options shared by the reports.
 *
 * @param spec  the course's tuning spec ({@code --spec}, default {@code examples/boston-xgboost-hpo.json})
 * @param home  TuneLab home to record the jobs in ({@code --home}), or {@code null} for a
 *              temporary folder deleted at the end
 * @param seeds number of tuning seeds, 1..seeds ({@code --seeds}); for the scheduler report, the
 *              repetitions per parallelism
 * @param nthread XGBoost {@code nthread} added to the static hyperparameters ({@code --nthread}),
 *              or 0 to leave it to TuneLab (processors / MaxParallelTrainingJobs per job)
 */
public record ReportOptions(Path spec, Path home, int seeds, int nthread) {

  /**
   * Parses {@code --spec FILE}, {@code --home DIR}, {@code --seeds N} and {@code --nthread N}.
   *
   * @param defaultSeeds the number of seeds when {@code --seeds} is absent
   * @throws IllegalArgumentException on an unknown option, a missing value or a bad number
   */
  public static ReportOptions parse(String[] args, int defaultSeeds) {
    Path spec = CourseSpec.DEFAULT_FILE;
    Path home = null;
    int seeds = defaultSeeds;
    int nthread = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + ": missing value; options are --spec FILE, --home DIR, --seeds N, --nthread N");
      }
      String v = args[++i];
      switch (a) {
        case "--spec" -> spec = Path.of(v);
        case "--home" -> home = Path.of(v).toAbsolutePath();
        case "--seeds" -> {
          try {
            seeds = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            seeds = 0;
          }
          if (seeds < 1 || seeds > 1000) {
            throw new IllegalArgumentException("--seeds: '" + v + "'; need an integer 1..1000");
          }
        }
        case "--nthread" -> {
          try {
            nthread = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            nthread = 0;
          }
          if (nthread < 1 || nthread > 256) {
            throw new IllegalArgumentException("--nthread: '" + v + "'; need an integer 1..256");
          }
        }
        default -> throw new IllegalArgumentException(a + ": unknown option; options are --spec FILE, --home DIR, --seeds N, --nthread N");
      }
    }
    return new ReportOptions(spec, home, seeds, nthread);
  }
}
