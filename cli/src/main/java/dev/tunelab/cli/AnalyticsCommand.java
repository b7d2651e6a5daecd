package dev.tunelab.cli;

import dev.tunelab.core.api.TuningAnalytics;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.io.OutputFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code tunelab analytics NAME [--csv FILE]}: the SDK's tuning analytics dataframe. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
    description = {"One row per training job with the SageMaker SDK's analytics columns: each tuned",
        "hyperparameter, TrainingJobName, TrainingJobStatus, FinalObjectiveValue, TrainingStartTime,",
        "TrainingEndTime, TrainingElapsedTimeSeconds. --csv writes the table to a file."})
final class AnalyticsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME", description = "Tuning job name.")
  String name;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write the table as CSV to FILE.")
  Path csv;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    OutputFile out = csv == null ? null : OutputFile.of("--csv", csv).notSameAs("the store", home.storeFile());
    try (JobStore store = home.openReadStore()) {
      DescribeTuningJobCommand.find(store, name, home);
      Table t = TuningAnalytics.of(name, store.trainingJobsOf(name));
      if (out != null) {
        // tablesaw's CSV writer turns I/O errors into IllegalStateException without a reason:
        // the table (one row per training job) is made in memory, then written by OutputFile
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        t.write().csv(buffer);
        out.write(buffer::writeTo);
        System.out.println("Wrote " + t.rowCount() + " rows to " + csv);
      } else {
        System.out.println(forTerminal(t).printAll());
      }
      return 0;
    }
  }

  /**
   * The table with every text cell and column name passed through {@link TerminalText}: a
   * categorical value or a failure reason with a newline or an escape sequence is shown, not
   * acted on.
   */
  static Table forTerminal(Table t) {
    for (Column<?> c : t.columns()) {
      if (c instanceof StringColumn s) {
        for (int i = 0; i < s.size(); i++) {
          s.set(i, TerminalText.escape(s.get(i)));
        }
      }
      c.setName(TerminalText.escape(c.name()));
    }
    return t;
  }
}
