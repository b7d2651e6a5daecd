package dev.tunelab.optimizer.importance;

/**
 * The share of the objective's variance one hyperparameter explains alone.
 *
 * @param name       the range's name
 * @param importance first-order Sobol index of the surrogate's mean, in [0, 1]
 */
public record ParameterImportance(String name, double importance) {

  public ParameterImportance {
    if (!(importance >= 0 && importance <= 1)) {
      throw new IllegalArgumentException("importance of " + name + " must be in [0, 1], got "
          + importance);
    }
  }
}
