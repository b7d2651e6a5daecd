package dev.tunelab.cli;

import dev.tunelab.core.api.DescribeTuningJob;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TuningJobRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunelab describe-hyper-parameter-tuning-job NAME}. */
@Command(name = "describe-hyper-parameter-tuning-job", mixinStandardHelpOptions = true,
    description = {"Print a tuning job as SageMaker's DescribeHyperParameterTuningJob response.",
        "The response holds HyperParameterTuningJobStatus, TrainingJobStatusCounters, ObjectiveStatusCounters,"
            + " BestTrainingJob (TunedHyperParameters, FinalHyperParameterTuningJobObjectiveMetric), the times and"
            + " ConsumedResources. It is safe to call from another process while the job runs."})
final class DescribeTuningJobCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TuningJob job;

  @Mixin OutputOptions.JsonDefault output;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    String name = job.name();
    output.validate();
    try (JobStore store = home.openReadStore()) {
      find(store, name, home, "--hyper-parameter-tuning-job-name");
      output.print(DescribeTuningJob.of(store, name));
      return 0;
    }
  }

  /** The tuning job named {@code name}; bad input naming NAME when there is none. */
  /** The tuning job named {@code name}; bad input naming {@code option} when there is none. */
  static TuningJobRecord find(JobStore store, String name, HomeOption home, String option) {
    return store.tuningJob(name).orElseThrow(() -> Main.badInput(option, name,
        "the name of an existing tuning job in " + home.path() + " (see `tunelab list-hyper-parameter-tuning-jobs`)"));
  }
}
