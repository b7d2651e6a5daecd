package dev.tunelab.cli;

import dev.tunelab.core.io.OutputFile;
import dev.tunelab.core.metrics.MetricScore;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTransformRun;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.transform.BatchTransform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab transform}: SageMaker batch transform with a trained model. */
@Command(name = "transform", mixinStandardHelpOptions = true,
    description = {"Batch transform: one prediction per line of a features-only CSV (like",
        "SageMaker's transform with SplitType Line), with the model of a training job.",
        "It writes what SageMaker's XGBoost container writes for the model's objective: the",
        "probability for binary:logistic, a row of class probabilities for multi:softprob, the",
        "class for multi:softmax, the value for regression. With --labels (one value per line)",
        "it also prints the scores that fit the objective (regression: RMSE, MSE, MAE, R2;",
        "binary: AUC, accuracy, F1, log loss; multiclass: accuracy, macro F1, log loss) and",
        "records the run in the store (the dashboard and the report show predicted against actual)."})
final class TransformCommand implements Callable<Integer> {

  static final class ModelChoice {
    @Option(names = "--model", paramLabel = "TRAINING_JOB", required = true,
        description = "Training job whose model to use.")
    String model;

    @Option(names = "--best-of", paramLabel = "TUNING_JOB", required = true,
        description = "Use the best training job of this tuning job.")
    String bestOf;
  }

  /** How each score is printed: {@code RMSE: 3.12345}. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("rmse", "RMSE"), Map.entry("mse", "MSE"), Map.entry("mae", "MAE"), Map.entry("r2", "R2"),
      Map.entry("auc", "AUC"), Map.entry("accuracy", "Accuracy"), Map.entry("f1_binary", "F1 (class 1)"),
      Map.entry("logloss", "Log loss"), Map.entry("f1_macro", "Macro F1"),
      Map.entry("mlogloss", "Multiclass log loss"));

  @ArgGroup(exclusive = true, multiplicity = "1")
  ModelChoice choice;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Features CSV (no label column).")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write predictions.")
  Path output;

  @Option(names = "--labels", paramLabel = "FILE", description = "True values, one per line, to score against.")
  Path labels;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    OutputFile out = OutputFile.of("--output", output).notSameAs("the store", home.storeFile());
    try (JobStore store = home.openStoreOfExistingJobs(false)) {
      String jobName = choice.model;
      if (choice.bestOf != null) {
        var tuning = DescribeTuningJobCommand.find(store, choice.bestOf, home, "--best-of");
        if (tuning.bestTrainingJob() == null) {
          throw Main.badInput("--best-of", choice.bestOf, "a tuning job with a best training job (it has none yet; status "
              + tuning.status() + ")");
        }
        jobName = tuning.bestTrainingJob();
      }
      final String n = jobName;
      TrainingJobRecord job = store.trainingJob(n).orElseThrow(() -> Main.badInput("--model",
          n, "the name of an existing training job in " + home.path()));
      return transform(store, job, input, out, labels);
    }
  }

  /**
   * Runs the transform; with labels, prints the scores and records the run in the store (the
   * dashboard's transform page and the report show it).
   */
  static int transform(JobStore store, TrainingJobRecord job, Path input, OutputFile output, Path labels) {
    if (job.modelArtifact() == null) {
      throw Main.badInput("--model", job.name(), "a training job with a model artifact (it is "
          + job.status() + (job.failureReason() == null ? "" : ": " + job.failureReason()) + ")");
    }
    Path model = Path.of(job.modelArtifact());
    if (!model.toString().endsWith(".json") && !model.toString().endsWith(".ubj")) {
      throw Main.badInput("--model", job.name(), "a built-in XGBoost training job (its model is " + model + ")");
    }
    BatchTransform.Result r = BatchTransform.run(model, input, output, labels);
    System.out.println("Wrote " + r.rows() + " predictions to " + r.output() + " with model of " + job.name());
    if (r.labels() != null) {
      for (MetricScore m : r.metrics()) {
        System.out.printf("%s: %.5f%n", LABELS.getOrDefault(m.name(), m.name()), m.value());
      }
      Map<String, Double> metrics = r.metricMap();
      store.recordTransformRun(NewTransformRun.of(Instant.now(), job.name(),
          input.toAbsolutePath().normalize(), labels.toAbsolutePath().normalize(), metrics,
          r.labels(), r.predictions()));
    }
    return 0;
  }
}
