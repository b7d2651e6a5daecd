package dev.tunelab.cli;

import dev.tunelab.core.api.TuningAnalytics;
import dev.tunelab.core.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

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
  public Integer call() throws IOException {
    try (JobStore store = home.openReadStore()) {
      DescribeTuningJobCommand.find(store, name, home);
      Table t = TuningAnalytics.of(name, store.trainingJobsOf(name));
      if (csv != null) {
        Path dir = csv.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".analytics-", ".csv");
        t.write().csv(tmp.toFile());
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Wrote " + t.rowCount() + " rows to " + csv);
      } else {
        System.out.println(t.printAll());
      }
      return 0;
    }
  }
}
