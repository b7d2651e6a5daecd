package dev.tunelab.optimizer.benchmark;

import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.function.ToDoubleFunction;

/**
 * A test function to minimise over a search space, with its known global minimum.
 *
 * @param name short name used on the command line, e.g. "branin"
 * @param description what shape it tests (one line)
 * @param space its SageMaker-style ranges
 * @param optimum the global minimum value
 * @param function the objective (pure, deterministic)
 */
public record TestFunction(String name, String description, SearchSpace space, double optimum,
    ToDoubleFunction<Configuration> function) {

  /** The objective at a configuration of {@link #space()}. */
  public double evaluate(Configuration c) {
    return function.applyAsDouble(c);
  }
}
