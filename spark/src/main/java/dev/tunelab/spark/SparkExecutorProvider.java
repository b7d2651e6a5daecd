package dev.tunelab.spark;

import dev.tunelab.core.executor.ExecutorSettings;
import dev.tunelab.core.executor.TrainingExecutor;
import dev.tunelab.core.executor.TrainingExecutorProvider;

/** Provides the {@code spark} executor ({@code tunelab tune SPEC.json --executor spark --master URL}). */
public final class SparkExecutorProvider implements TrainingExecutorProvider {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public TrainingExecutor open(ExecutorSettings settings) {
    return new SparkTrainingExecutor(settings);
  }
}
