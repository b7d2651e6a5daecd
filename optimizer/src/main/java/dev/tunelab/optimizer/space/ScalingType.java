package dev.tunelab.optimizer.space;

/**
 * How a numeric range is searched, with SageMaker's names and rules.
 *
 * <ul>
 *   <li>{@link #LINEAR}: uniform in the value.</li>
 *   <li>{@link #LOGARITHMIC}: uniform in {@code log(value)}; every value must be &gt; 0.</li>
 *   <li>{@link #REVERSE_LOGARITHMIC}: uniform in {@code -log(1 - value)}, fine resolution near 1;
 *       continuous ranges only, inside {@code [0, 1)}.</li>
 *   <li>{@link #AUTO}: TuneLab's rule (SageMaker does not publish its own): logarithmic when
 *       {@code min > 0} and {@code max / min >= 100} (the range spans at least two orders of
 *       magnitude, where SageMaker's guide advises a log scale), linear otherwise. It never
 *       chooses reverse-logarithmic. See {@link #resolve(double, double)}.</li>
 * </ul>
 */
public enum ScalingType {
  AUTO("Auto"), LINEAR("Linear"), LOGARITHMIC("Logarithmic"), REVERSE_LOGARITHMIC("ReverseLogarithmic");

  /** Ratio {@code max / min} from which {@link #AUTO} chooses a logarithmic scale. */
  public static final double AUTO_LOG_RATIO = 100.0;

  private final String wireName;

  ScalingType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Parses SageMaker's wire name.
   *
   * @param name one of "Auto", "Linear", "Logarithmic", "ReverseLogarithmic"
   * @throws IllegalArgumentException naming the value and the accepted names otherwise
   */
  public static ScalingType fromSageMaker(String name) {
    for (ScalingType t : values()) {
      if (t.wireName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("ScalingType '" + name
        + "' is not valid; accepted: Auto, Linear, Logarithmic, ReverseLogarithmic");
  }

  /** SageMaker's wire name, e.g. "ReverseLogarithmic". */
  public String sageMakerName() {
    return wireName;
  }

  /**
   * The concrete scale used for a range {@code [min, max]}: this scale itself, or for
   * {@link #AUTO} the documented rule (never {@code AUTO}).
   */
  public ScalingType resolve(double min, double max) {
    if (this != AUTO) {
      return this;
    }
    return min > 0 && max / min >= AUTO_LOG_RATIO ? LOGARITHMIC : LINEAR;
  }
}
