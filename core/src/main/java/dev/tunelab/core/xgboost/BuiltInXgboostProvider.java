package dev.tunelab.core.xgboost;

import dev.tunelab.core.spec.AlgorithmContract;
import dev.tunelab.core.spec.AlgorithmProvider;
import dev.tunelab.core.spec.AlgorithmSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * Selects the built-in XGBoost for an AlgorithmSpecification whose {@code TrainingImage} or
 * {@code AlgorithmName} contains {@code xgboost} (any case) and that has no
 * {@code ContainerEntrypoint}. Listed in {@code META-INF/services}.
 */
public final class BuiltInXgboostProvider implements AlgorithmProvider {

  @Override
  public Optional<AlgorithmContract> contractFor(AlgorithmSpec spec) {
    boolean runs = spec.containerEntrypoint().isEmpty()
        && (mentionsXgboost(spec.trainingImage()) || mentionsXgboost(spec.algorithmName()));
    return runs ? Optional.of(BuiltInXgboostContract.INSTANCE) : Optional.empty();
  }

  @Override
  public String accepts() {
    return "an image name containing 'xgboost' (the built-in XGBoost4J trainer, e.g. the course's "
        + "'811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1')";
  }

  private static boolean mentionsXgboost(String s) {
    return s != null && s.toLowerCase(Locale.ROOT).contains("xgboost");
  }
}
