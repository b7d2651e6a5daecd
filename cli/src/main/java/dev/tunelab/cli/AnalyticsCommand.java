package dev.tunelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.TuningAnalytics;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.io.OutputFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code tunelab analytics NAME [--csv FILE]}: the SDK's tuning analytics dataframe. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
    description = {"One row per training job with the SageMaker SDK's tuning analytics columns.",
        "The columns are each tuned hyperparameter, TrainingJobName, TrainingJobStatus, FinalObjectiveValue,"
            + " TrainingStartTime, TrainingEndTime and TrainingElapsedTimeSeconds. --csv writes the table to a"
            + " file; --output json prints the rows as a list of objects, as pandas' to_json(orient='records')"
            + " does."})
final class AnalyticsCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TuningJob job;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write the table as CSV to FILE.")
  Path csv;

  @Mixin OutputOptions.TableDefault output;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    String name = job.name();
    output.validate();
    if (csv != null && (output.given() != null || output.hasQuery())) {
      throw Main.badInput("--csv", csv, "--csv alone: it writes the whole table to a file, while --output and"
          + " --query print it");
    }
    OutputFile out = csv == null ? null : OutputFile.of("--csv", csv).notSameAs("the store", home.storeFile());
    try (JobStore store = home.openReadStore()) {
      DescribeTuningJobCommand.find(store, name, home, "--hyper-parameter-tuning-job-name");
      Table t = TuningAnalytics.of(name, store.trainingJobsOf(name));
      if (out != null) {
        // tablesaw's CSV writer turns I/O errors into IllegalStateException without a reason:
        // the table (one row per training job) is made in memory, then written by OutputFile
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        t.write().csv(buffer);
        out.write(buffer::writeTo);
        System.out.println("Wrote " + t.rowCount() + " rows to " + csv);
      } else {
        output.print(records(t), () -> forTerminal(t).printAll() + "\n");
      }
      return 0;
    }
  }

  /**
   * The table as JSON, one object per row (column name to value, a missing number as null), as
   * pandas' {@code to_json(orient='records')} writes a dataframe.
   */
  static ArrayNode records(Table t) {
    ArrayNode rows = Json.mapper().createArrayNode();
    for (int i = 0; i < t.rowCount(); i++) {
      ObjectNode row = rows.addObject();
      for (Column<?> c : t.columns()) {
        Object v = c.isMissing(i) ? null : c.get(i);
        if (v == null) {
          row.putNull(c.name());
        } else if (v instanceof Number n) {
          double d = n.doubleValue();
          if (!Double.isFinite(d)) {
            row.putNull(c.name());
          } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            row.put(c.name(), n.longValue());
          } else {
            row.put(c.name(), d);
          }
        } else if (v instanceof Boolean b) {
          row.put(c.name(), b);
        } else {
          row.put(c.name(), String.valueOf(v));
        }
      }
    }
    return rows;
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
