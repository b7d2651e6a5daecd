package dev.tunelab.optimizer.space;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ordered, immutable list of tunable hyperparameter ranges with unique names: 1 to 30 of
 * them (SageMaker's limit on tunable hyperparameters per tuning job).
 */
public final class SearchSpace {

  /** SageMaker's maximum number of tunable hyperparameters. */
  public static final int MAX_RANGES = 30;

  private final List<ParameterRange> ranges;
  private final Map<String, ParameterRange> byName;

  /**
   * @param ranges 1 to 30 ranges with unique names, in the order configurations list them
   * @throws IllegalArgumentException if empty, over 30, or a name repeats
   */
  public SearchSpace(List<ParameterRange> ranges) {
    if (ranges == null || ranges.isEmpty() || ranges.size() > MAX_RANGES) {
      throw new IllegalArgumentException("ParameterRanges has "
          + (ranges == null ? "null" : ranges.size() + " entries")
          + "; expected 1 to " + MAX_RANGES + " tunable hyperparameters in all");
    }
    this.ranges = List.copyOf(ranges);
    Map<String, ParameterRange> m = new LinkedHashMap<>();
    for (ParameterRange r : this.ranges) {
      if (m.put(r.name(), r) != null) {
        throw new IllegalArgumentException("ParameterRanges: Name '" + r.name()
            + "' appears more than once; names must be unique");
      }
    }
    this.byName = m;
  }

  /** The ranges, in order. */
  public List<ParameterRange> ranges() {
    return ranges;
  }

  /** Number of ranges (not of encoded dimensions). */
  public int size() {
    return ranges.size();
  }

  /** The range with this name, or an IllegalArgumentException listing the known names. */
  public ParameterRange range(String name) {
    ParameterRange r = byName.get(name);
    if (r == null) {
      throw new IllegalArgumentException("no parameter named '" + name + "'; known: " + byName.keySet());
    }
    return r;
  }

  /** True when the space has no continuous range, so it has finitely many configurations. */
  public boolean isFinite() {
    return ranges.stream().allMatch(ParameterRange::discrete);
  }

  /**
   * Number of distinct configurations of a finite space, saturating at {@link Long#MAX_VALUE};
   * {@link Long#MAX_VALUE} for a space with a continuous range.
   */
  public long cardinality() {
    long n = 1;
    for (ParameterRange r : ranges) {
      if (!r.discrete()) {
        return Long.MAX_VALUE;
      }
      long k = r.cardinality();
      if (k > 0 && n > Long.MAX_VALUE / k) {
        return Long.MAX_VALUE;
      }
      n *= k;
    }
    return n;
  }

  /**
   * Checks that a configuration has exactly this space's names, each value of the right type
   * and inside its range.
   *
   * @throws IllegalArgumentException naming the first offending parameter and value
   */
  public void check(Configuration c) {
    Set<String> seen = new HashSet<>();
    for (ParameterRange r : ranges) {
      Object v = c.values().get(r.name());
      if (v == null) {
        throw new IllegalArgumentException("configuration lacks parameter '" + r.name() + "'");
      }
      seen.add(r.name());
      if (!r.contains(v)) {
        throw new IllegalArgumentException("configuration value " + v + " for '" + r.name()
            + "' is not inside " + r);
      }
    }
    if (seen.size() != c.values().size()) {
      throw new IllegalArgumentException("configuration has names " + c.values().keySet()
          + " outside the space " + byName.keySet());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchSpace s && s.ranges.equals(ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  @Override
  public String toString() {
    return "SearchSpace" + ranges;
  }
}
