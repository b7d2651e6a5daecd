package dev.tunelab.core.spec;

import java.util.Optional;

/**
 * Recognises the AlgorithmSpecifications one algorithm runs and gives their
 * {@link AlgorithmContract}. Implementations are listed in
 * {@code META-INF/services/dev.tunelab.core.spec.AlgorithmProvider} (the built-in XGBoost, then
 * bring-your-own commands) so that {@code spec} does not depend on the trainers' packages, which
 * depend on it; {@link AlgorithmProviders} loads them. At most one provider accepts a given spec.
 */
public interface AlgorithmProvider {

  /** The contract when this algorithm runs the spec, else empty. */
  Optional<AlgorithmContract> contractFor(AlgorithmSpec spec);

  /**
   * What this provider accepts, in words for the error when no provider accepts a spec, for
   * example {@code "a ContainerEntrypoint to run your own training command"}.
   */
  String accepts();
}
