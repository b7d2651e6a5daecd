package dev.tunelab.core.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable copies of maps that keep their order. {@link Map#copyOf} does not: its iteration order
 * is salted per JVM, so hyperparameters copied with it came out in a different order from one run
 * of TuneLab to the next. Hyperparameters are shown in the order the spec gives them, so every
 * copy of them goes through here.
 */
public final class OrderedMaps {
  private OrderedMaps() { }

  /**
   * An unmodifiable copy in the source's iteration order.
   *
   * @throws NullPointerException on a null key or value, as {@link Map#copyOf} does
   */
  public static <K, V> Map<K, V> copyOf(Map<K, V> source) {
    Map<K, V> out = new LinkedHashMap<>();
    for (Map.Entry<K, V> e : source.entrySet()) {
      out.put(Objects.requireNonNull(e.getKey(), "map key"), Objects.requireNonNull(e.getValue(), "map value"));
    }
    return Collections.unmodifiableMap(out);
  }
}
