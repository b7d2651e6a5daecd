package dev.tunelab.optimizer.space;

import java.util.HashSet;
import java.util.List;

/**
 * A categorical hyperparameter: 1 to 30 distinct string values (SageMaker's limit), in the
 * order given.
 */
public record CategoricalRange(String name, List<String> values) implements ParameterRange {

  /** SageMaker's maximum number of values per categorical range. */
  public static final int MAX_VALUES = 30;

  public CategoricalRange {
    ParameterRange.checkName(name);
    if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
      throw new IllegalArgumentException("CategoricalParameterRange '" + name + "': Values has "
          + (values == null ? "null" : values.size() + " entries") + "; expected 1 to " + MAX_VALUES);
    }
    values = List.copyOf(values);
    if (new HashSet<>(values).size() != values.size()) {
      throw new IllegalArgumentException("CategoricalParameterRange '" + name
          + "': Values " + values + " contain duplicates");
    }
  }
}
