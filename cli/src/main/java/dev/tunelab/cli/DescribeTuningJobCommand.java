package dev.tunelab.cli;

import dev.tunelab.core.api.DescribeTuningJob;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TuningJobRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunelab describe-hyper-parameter-tuning-job NAME}. */
@Command(name = "describe-hyper-parameter-tuning-job", mixinStandardHelpOptions = true,
    description = {"Print a tuning job as JSON shaped like SageMaker's DescribeHyperParameterTuningJob:",
        "HyperParameterTuningJobStatus, TrainingJobStatusCounters, ObjectiveStatusCounters,",
        "BestTrainingJob (TunedHyperParameters, FinalHyperParameterTuningJobObjectiveMetric), times",
        "and ConsumedResources. Safe to call from another process while the job runs."})
final class DescribeTuningJobCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TuningJob job;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    String name = job.name();
    try (JobStore store = home.openReadStore()) {
      find(store, name, home);
      System.out.println(TerminalText.json(DescribeTuningJob.of(store, name)));
      return 0;
    }
  }

  static TuningJobRecord find(JobStore store, String name, HomeOption home) {
    return store.tuningJob(name).orElseThrow(() -> Main.badInput("NAME", name,
        "the name of an existing tuning job in " + home.path() + " (see `tunelab list-hyper-parameter-tuning-jobs`)"));
  }
}
