package dev.tunelab.optimizer;

import dev.tunelab.optimizer.space.Configuration;
import java.util.Objects;

/**
 * What is known about one configuration: completed with a value, failed, or pending (still
 * running). {@code value} is the raw objective in the user's direction and is NaN unless the
 * status is COMPLETED (it is forced to NaN otherwise). A COMPLETED observation whose value is
 * not finite counts as failed in {@link History}.
 */
public record Observation(Configuration configuration, Status status, double value) {

  /** The state of an observed configuration. */
  public enum Status { COMPLETED, FAILED, PENDING }

  public Observation {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(status, "status");
    if (status != Status.COMPLETED) {
      value = Double.NaN;
    }
  }

  /** A completed evaluation with its objective value. */
  public static Observation completed(Configuration c, double value) {
    return new Observation(c, Status.COMPLETED, value);
  }

  /** A failed evaluation. */
  public static Observation failed(Configuration c) {
    return new Observation(c, Status.FAILED, Double.NaN);
  }

  /** An evaluation in progress. */
  public static Observation pending(Configuration c) {
    return new Observation(c, Status.PENDING, Double.NaN);
  }

  /** True when completed with a finite value: the only observations a model learns from. */
  public boolean isUsable() {
    return status == Status.COMPLETED && Double.isFinite(value);
  }
}
