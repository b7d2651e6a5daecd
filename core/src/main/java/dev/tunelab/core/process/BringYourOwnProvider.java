package dev.tunelab.core.process;

import dev.tunelab.core.spec.AlgorithmContract;
import dev.tunelab.core.spec.AlgorithmProvider;
import dev.tunelab.core.spec.AlgorithmSpec;
import java.util.Optional;

/**
 * Selects a bring-your-own command for an AlgorithmSpecification with a
 * {@code ContainerEntrypoint}. Listed in {@code META-INF/services}.
 */
public final class BringYourOwnProvider implements AlgorithmProvider {

  @Override
  public Optional<AlgorithmContract> contractFor(AlgorithmSpec spec) {
    return spec.containerEntrypoint().isEmpty() ? Optional.empty() : Optional.of(new BringYourOwnContract(spec));
  }

  @Override
  public String accepts() {
    return "a ContainerEntrypoint to run your own training command";
  }
}
