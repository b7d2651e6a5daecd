package dev.tunelab.core.job;

import dev.tunelab.core.process.ProcessCommand;
import dev.tunelab.core.process.ProcessTrainer;
import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import java.util.Map;

/** Chooses the trainer for an AlgorithmSpecification: built-in XGBoost4J or a local process. */
public final class TrainerFactory {

  private static final Trainer XGBOOST = new XGBoostTrainer();

  private TrainerFactory() { }

  /**
   * @param algorithm   the validated algorithm spec
   * @param baseDir     folder the command's relative paths resolve against
   * @param environment extra environment for a process
   */
  public static Trainer create(AlgorithmSpec algorithm, Path baseDir, Map<String, String> environment) {
    if (algorithm.bringYourOwn()) {
      return new ProcessTrainer(new ProcessCommand(algorithm.containerEntrypoint(),
          algorithm.containerArguments(), baseDir, environment), algorithm.metricDefinitions());
    }
    return XGBOOST;
  }
}
