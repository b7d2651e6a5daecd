package dev.tunelab.core.tuning;

import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between stored hyperparameter strings and typed optimizer configurations. */
public final class Configurations {
  private Configurations() { }

  /** The configuration a stored training job was given (its TunedHyperParameters). */
  public static Configuration fromStrings(SearchSpace space, Map<String, String> tuned) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterRange p : space.ranges()) {
      String v = tuned.get(p.name());
      if (v == null) {
        throw new IllegalStateException("stored training job lacks tuned hyperparameter " + p.name());
      }
      values.put(p.name(), p.parse(v));
    }
    return new Configuration(values);
  }
}
