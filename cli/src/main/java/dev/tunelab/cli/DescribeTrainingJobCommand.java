package dev.tunelab.cli;

import dev.tunelab.core.api.DescribeTrainingJob;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunelab describe-training-job NAME}: SageMaker's DescribeTrainingJob response. */
@Command(name = "describe-training-job", mixinStandardHelpOptions = true,
    description = {"Print a training job as SageMaker's DescribeTrainingJob response.",
        "The response holds TrainingJobStatus, HyperParameters, FinalMetricDataList, ModelArtifacts.S3ModelArtifacts"
            + " (a local path), CreationTime, TrainingStartTime and TrainingEndTime (ISO-8601 UTC) and"
            + " FailureReason."})
final class DescribeTrainingJobCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TrainingJob job;

  @Mixin OutputOptions.JsonDefault output;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    String name = job.name();
    output.validate();
    try (JobStore store = home.openReadStore()) {
      output.print(DescribeTrainingJob.of(find(store, name, home)));
      return 0;
    }
  }

  /** The training job named {@code name}; bad input naming --training-job-name when there is none. */
  static TrainingJobRecord find(JobStore store, String name, HomeOption home) {
    return store.trainingJob(name).orElseThrow(() -> Main.badInput("--training-job-name", name,
        "the name of an existing training job in " + home.path()
            + (store.tuningJob(name).isPresent() ? " (" + name + " is a tuning job: list its training jobs with"
            + " `tunelab list-training-jobs-for-hyper-parameter-tuning-job " + name + "`)" : "")));
  }
}
