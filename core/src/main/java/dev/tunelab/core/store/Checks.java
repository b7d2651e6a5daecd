package dev.tunelab.core.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Argument checks and copies shared by the records of this package. */
final class Checks {
  private Checks() {}

  static String requireName(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-blank string, got "
          + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  static <T> T requireNonNull(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }

  /** Instants are kept with millisecond precision, the precision the database stores. */
  static Instant millis(Instant value) {
    return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
  }

  static Instant requireMillis(Instant value, String field) {
    return millis(requireNonNull(value, field));
  }

  /** An unmodifiable copy keeping the iteration order; rejects null keys and values. */
  static <V> Map<String, V> orderedCopy(Map<String, V> map, String field) {
    requireNonNull(map, field);
    LinkedHashMap<String, V> copy = new LinkedHashMap<>();
    for (Map.Entry<String, V> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException(field + " must not contain null keys or values, got "
            + e.getKey() + "=" + e.getValue());
      }
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }
}
