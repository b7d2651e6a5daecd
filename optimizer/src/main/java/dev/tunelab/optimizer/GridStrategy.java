package dev.tunelab.optimizer;

import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grid search over every combination of categorical and integer ranges (SageMaker's Grid takes
 * categorical ranges only; TuneLab also enumerates integer ranges). Combinations come in a
 * stable order: the first range varies slowest, the last fastest, values in range order
 * (integers ascending). Each call proposes the first combinations not yet in the history; an
 * empty list means the grid is exhausted.
 */
public final class GridStrategy implements Strategy {

  private final SearchSpace space;
  private final long combinations;

  /**
   * @throws IllegalArgumentException if the space has a continuous range
   */
  public GridStrategy(SearchSpace space) {
    for (ParameterRange r : space.ranges()) {
      if (!r.discrete()) {
        throw new IllegalArgumentException("Strategy Grid supports only categorical and integer ranges; '"
            + r.name() + "' is a ContinuousParameterRange");
      }
    }
    this.space = space;
    this.combinations = space.cardinality();
  }

  /**
   * Number of grid combinations of a space (saturating at {@link Long#MAX_VALUE}).
   *
   * @throws IllegalArgumentException if the space has a continuous range
   */
  public static long combinations(SearchSpace space) {
    return new GridStrategy(space).combinations;
  }

  /** The {@code index}-th combination in grid order, {@code 0 <= index < combinations}. */
  public static Configuration combination(SearchSpace space, long index) {
    List<ParameterRange> ranges = space.ranges();
    Object[] vals = new Object[ranges.size()];
    long rest = index;
    for (int i = ranges.size() - 1; i >= 0; i--) {
      ParameterRange r = ranges.get(i);
      if (!r.discrete()) {
        throw new IllegalArgumentException("'" + r.name() + "' is continuous and has no grid");
      }
      long k = r.cardinality();
      vals[i] = r.valueAt(rest % k);
      rest /= k;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < ranges.size(); i++) {
      m.put(ranges.get(i).name(), vals[i]);
    }
    return new Configuration(m);
  }

  @Override
  public List<Configuration> suggest(History history, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    Set<Configuration> seen = Proposals.seen(history);
    List<Configuration> out = new ArrayList<>();
    for (long i = 0; i < combinations && out.size() < count; i++) {
      Configuration c = combination(space, i);
      if (!seen.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** True when every combination is in the history. */
  public boolean isExhausted(History history) {
    return suggest(history, 1).isEmpty();
  }

  /** Proposals depend on the seed and on which configurations were tried, never on their results. */
  @Override
  public boolean learnsFromResults() {
    return false;
  }
}
