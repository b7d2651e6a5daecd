package dev.tunelab.optimizer.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a {@link SearchSpace}: hyperparameter name to value, in space order. Values are
 * {@link Double} (continuous), {@link Long} (integer) or {@link String} (categorical); an
 * {@link Integer} is stored as a Long and a {@link Float} as a Double so that equal
 * configurations are {@code equals}. Immutable.
 */
public record Configuration(Map<String, Object> values) {

  public Configuration {
    if (values == null) {
      throw new IllegalArgumentException("configuration values must not be null");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Integer i) {
        v = i.longValue();
      } else if (v instanceof Float f) {
        v = f.doubleValue();
      } else if (!(v instanceof Double || v instanceof Long || v instanceof String)) {
        throw new IllegalArgumentException("configuration value for '" + e.getKey() + "' is "
            + v + "; expected a Double, Long or String");
      }
      if (v instanceof Double d && !Double.isFinite(d)) {
        throw new IllegalArgumentException("configuration value for '" + e.getKey()
            + "' is " + d + "; expected a finite number");
      }
      m.put(e.getKey(), v);
    }
    values = Collections.unmodifiableMap(m);
  }

  private Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("configuration has no parameter '" + name + "'; has "
          + values.keySet());
    }
    return v;
  }

  /** The value of a continuous parameter (an integer one is widened). */
  public double getDouble(String name) {
    Object v = get(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("parameter '" + name + "' is categorical ('" + v + "'), not a number");
  }

  /** The value of an integer parameter. */
  public long getLong(String name) {
    Object v = get(name);
    if (v instanceof Long l) {
      return l;
    }
    throw new IllegalArgumentException("parameter '" + name + "' has value " + v + ", not an integer");
  }

  /** The value of a categorical parameter. */
  public String getString(String name) {
    Object v = get(name);
    if (v instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("parameter '" + name + "' has value " + v + ", not a categorical string");
  }

  /**
   * SageMaker-style strings: integers as "5", continuous values as {@link Double#toString}
   * (the shortest decimal that round-trips), categoricals as they are.
   */
  public Map<String, String> asStrings() {
    Map<String, String> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, v.toString()));
    return Collections.unmodifiableMap(m);
  }
}
