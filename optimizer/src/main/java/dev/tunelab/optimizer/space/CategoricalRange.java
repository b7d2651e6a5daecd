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

  @Override
  public CategoricalRange withName(String newName) {
    return new CategoricalRange(newName, values);
  }

  @Override
  public String kind() {
    return "categorical";
  }

  /** The text itself: a categorical value is its own text form. */
  @Override
  public String parse(String text) {
    return text;
  }

  @Override
  public String format(Object value) {
    return (String) value;
  }

  @Override
  public boolean contains(Object value) {
    return values.contains(value);
  }

  /** Every value, in the order given. */
  @Override
  public List<String> extremes() {
    return values;
  }

  @Override
  public boolean discrete() {
    return true;
  }

  /** The number of values. */
  @Override
  public long cardinality() {
    return values.size();
  }

  @Override
  public String valueAt(long index) {
    if (index < 0 || index >= values.size()) {
      throw new IllegalArgumentException("categorical parameter '" + name + "' has no value number " + index
          + "; it has " + values.size());
    }
    return values.get((int) index);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.categorical(this);
  }
}
