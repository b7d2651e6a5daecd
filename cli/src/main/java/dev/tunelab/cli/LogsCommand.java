package dev.tunelab.cli;

import dev.tunelab.core.job.LogFormat;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunelab logs NAME [--follow]}: a training job's log stream. */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = {"Print a training job's log stream as CloudWatch shows it (a TAB as #011).",
        "With --follow, keep printing new lines until the job ends."})
final class LogsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TRAINING_JOB", description = "Training job name.")
  String name;

  @Option(names = {"-f", "--follow"}, description = "Wait for new lines until the job ends.")
  boolean follow;

  @Option(names = "--raw", description = "Print TABs as TABs instead of #011.")
  boolean raw;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    try (JobStore store = home.openReadStore()) {
      store.trainingJob(name).orElseThrow(() -> Main.badInput("TRAINING_JOB", name,
          "the name of an existing training job in " + home.path()));
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
}
