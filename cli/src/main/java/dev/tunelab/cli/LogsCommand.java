package dev.tunelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.job.LogFormat;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab logs NAME [--follow]}: a training job's log stream. */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = {"Print a training job's log stream as CloudWatch shows it (a TAB as #011).",
        "With --follow, keep printing new lines until the job ends. --output json and text print the lines as"
            + " CloudWatch's GetLogEvents response (events with timestamp in epoch milliseconds and message)."})
final class LogsCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TrainingJob job;

  @Option(names = {"-f", "--follow"}, description = "Wait for new lines until the job ends.")
  boolean follow;

  @Option(names = "--raw", description = "Print TABs as TABs instead of #011.")
  boolean raw;

  @Mixin OutputOptions.TableDefault output;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    String name = job.name();
    output.validate();
    boolean plain = output.format() == OutputFormat.TABLE && !output.hasQuery();
    if (follow && !plain) {
      throw Main.badInput("--follow", "with --output " + output.format().label()
          + (output.hasQuery() ? " and --query" : ""), "--follow with the plain log (leave --output and --query out)");
    }
    try (JobStore store = home.openReadStore()) {
      DescribeTrainingJobCommand.find(store, name, home);
      if (!plain) {
        output.print(events(store, name));
        return 0;
      }
      long after = 0;
      while (true) {
        List<LogLine> lines = store.logLines(name, after, 10_000);
        for (LogLine l : lines) {
          System.out.println(raw ? TerminalText.escapeKeepingTabs(l.text()) : TerminalText.escape(LogFormat.cloudWatch(l.text())));
          after = l.seq();
        }
        if (!lines.isEmpty()) {
          continue;
        }
        if (!follow) {
          return 0;
        }
        TrainingJobRecord job = store.trainingJob(name).orElseThrow();
        TrainingJobStatus s = job.status();
        if (s != TrainingJobStatus.InProgress && s != TrainingJobStatus.Stopping) {
          if (store.logLines(name, after, 1).isEmpty()) {
            if (s == TrainingJobStatus.Failed && job.failureReason() != null) {
              // e.g. the train process was killed: say why the log ends here
              System.out.flush();
              System.err.println("tunelab: training job " + TerminalText.escape(name) + " Failed: "
                  + TerminalText.escape(job.failureReason()));
            }
            return 0;
          }
          continue;
        }
        System.out.flush();
        Thread.sleep(200);
      }
    }
  }

  /** The job's log as CloudWatch's GetLogEvents response: {@code {"events": [{"timestamp", "message"}]}}. */
  private static ObjectNode events(JobStore store, String name) {
    ObjectNode root = Json.object();
    ArrayNode events = root.putArray("events");
    long after = 0;
    while (true) {
      List<LogLine> lines = store.logLines(name, after, 10_000);
      if (lines.isEmpty()) {
        return root;
      }
      for (LogLine l : lines) {
        ObjectNode e = events.addObject();
        e.put("timestamp", l.time().toEpochMilli());
        e.put("message", l.text());
        after = l.seq();
      }
    }
  }
}
