package dev.tunelab.core.job;

import dev.tunelab.core.process.ProcessCommand;
import dev.tunelab.core.process.ProcessTrainer;
import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.xgboost.XGBoostTrainer;
import dev.tunelab.core.spec.TrainingJobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chooses the trainer for an AlgorithmSpecification: built-in XGBoost4J or a local process. */
public final class TrainerFactory {

  private static final Trainer XGBOOST = new XGBoostTrainer();

  private TrainerFactory() { }

  /** The trainer for a validated training job spec. */
  public static Trainer create(TrainingJobSpec spec) {
    AlgorithmSpec algorithm = spec.algorithm();
    if (algorithm.bringYourOwn()) {
      Map<String, String> contentTypes = new LinkedHashMap<>();
      spec.channels().forEach(c -> contentTypes.put(c.name(), c.contentType()));
      return new ProcessTrainer(new ProcessCommand(algorithm.containerEntrypoint(),
          algorithm.containerArguments(), spec.baseDir(), spec.environment()), algorithm.metricDefinitions(),
          contentTypes);
    }
    return XGBOOST;
  }
}
