package dev.tunelab.cli;

import dev.tunelab.core.api.DescribeTrainingJob;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tunelab describe-training-job NAME}: SageMaker's DescribeTrainingJob response as JSON. */
@Command(name = "describe-training-job", mixinStandardHelpOptions = true,
    description = {"Print a training job as JSON shaped like SageMaker's DescribeTrainingJob:",
        "TrainingJobStatus, HyperParameters, FinalMetricDataList, ModelArtifacts.S3ModelArtifacts",
        "(a local path), CreationTime/TrainingStartTime/TrainingEndTime (ISO-8601 UTC), FailureReason."})
final class DescribeTrainingJobCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME", description = "Training job name.")
  String name;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    try (JobStore store = home.openReadStore()) {
      TrainingJobRecord rec = store.trainingJob(name).orElseThrow(() -> Main.badInput("NAME", name,
          "the name of an existing training job in " + home.path()));
      System.out.println(TerminalText.json(DescribeTrainingJob.of(rec)));
      return 0;
    }
  }
}
