package dev.tunelab.core.sdk;

import dev.tunelab.optimizer.space.CategoricalRange;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A set of values, the SageMaker Python SDK's {@code CategoricalParameter(values)}. Each value is
 * converted to a string as the SDK does with Python's {@code str()} ({@code 1 -> "1"},
 * {@code 0.5 -> "0.5"}, {@code true -> "True"}); the values keep their order. Between 1 and 30
 * distinct values are accepted when the request is parsed. Immutable.
 */
public final class CategoricalParameter implements ParameterRange {

  private final List<String> values;

  /**
   * @param values the values, of any type (stringified as the SDK does)
   */
  public CategoricalParameter(List<?> values) {
    Objects.requireNonNull(values, "CategoricalParameter.values: got null; expected a list of 1 to 30 values");
    this.values = values.stream().map(PythonStrings::str).toList();
  }

  /** As {@link #CategoricalParameter(List)}, with the values listed. */
  public CategoricalParameter(Object... values) {
    this(Arrays.asList(values));
  }

  /** The values as strings, in the order given. */
  public List<String> values() {
    return values;
  }

  @Override
  public String rangeType() {
    return "Categorical";
  }

  @Override
  public CategoricalRange toRange(String name) {
    return new CategoricalRange(name, values);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((CategoricalParameter) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "CategoricalParameter" + values;
  }
}
