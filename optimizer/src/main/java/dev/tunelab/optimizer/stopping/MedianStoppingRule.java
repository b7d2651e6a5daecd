package dev.tunelab.optimizer.stopping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * SageMaker AMT's documented {@code Auto} early-stopping rule (the median stopping rule of
 * Golovin et al. 2017, "Google Vizier"): after round {@code r} of a trial, take the running
 * average of the objective over rounds 1..r of every <em>other</em> trial that has reported at
 * least {@code r} rounds, and stop the trial if its current value is strictly greater (worse,
 * since smaller is better) than the median of those averages.
 *
 * <p><b>Which trials are compared.</b> All other trials with data at round {@code r}, whether
 * they are still running or have ended (completed, stopped or failed), as in Vizier and Syne
 * Tune's {@code MedianStoppingRule}. Including running trials lets the rule start working
 * while the first wave of parallel jobs is still training; a rule that waited for completed
 * jobs only would, at AMT's usual 20 jobs, stop almost nothing. A trial that ended before
 * round {@code r} (for XGBoost: its own {@code early_stopping_rounds} fired, or this rule
 * stopped it) has no value at {@code r} and is ignored there; a trial whose first {@code r}
 * values include a non-finite one has no usable average at {@code r} and is ignored too. The
 * median of an even count is the mean of the two middle averages.
 *
 * <p><b>Grace settings</b> (SageMaker publishes none; Syne Tune uses {@code grace_population=5}
 * and {@code grace_time=1}). No decision is taken before round {@link #graceRounds()}, nor while
 * fewer than {@link #gracePopulation()} other trials have usable data at the round. Defaults:
 * <ul>
 *   <li>{@value #DEFAULT_GRACE_POPULATION} other trials: Syne Tune's value; the median of fewer
 *       curves is too noisy to act on, and with AMT's typical 20 jobs at 2&ndash;4 in parallel
 *       the rule still acts from the second or third wave on.</li>
 *   <li>{@value #DEFAULT_MIN_GRACE_ROUNDS} rounds, or 10% of the trial's maximum rounds if that
 *       is more ({@link #forMaxRounds(int)}; 20 for the course's {@code num_round=200}).
 *       Ten rounds is the course's {@code early_stopping_rounds}: a curve should not be judged
 *       on a shorter window than the trainer's own patience. Gradient boosting with a small
 *       learning rate also starts slowly (with {@code eta=0.1}, (1&minus;0.1)^10 &asymp; 35% of
 *       the initial residual remains after 10 rounds), so a proportional grace protects slow but
 *       good learners when the budget is long.</li>
 * </ul>
 *
 * <p>A trial with a non-finite value is never stopped by that report (CONTINUE): the scheduler
 * decides what a NaN objective means. Reports of a trial must come as rounds 1, 2, 3, ... with
 * no gaps, since running averages need every value. Thread-safe (every method synchronises on
 * the instance) and deterministic: the answer depends only on the sequence of calls.
 */
public final class MedianStoppingRule implements StoppingRule {

  /** Default minimum number of other trials with data at the round before any decision. */
  public static final int DEFAULT_GRACE_POPULATION = 5;
  /** Default and minimum grace, in rounds, used by {@link #MedianStoppingRule()} and {@link #forMaxRounds}. */
  public static final int DEFAULT_MIN_GRACE_ROUNDS = 10;
  /** Fraction of the maximum rounds used as grace by {@link #forMaxRounds(int)} when it exceeds the minimum. */
  public static final double DEFAULT_GRACE_FRACTION = 0.10;

  private final int gracePopulation;
  private final int graceRounds;
  private final Map<String, Curve> curves = new HashMap<>();

  /** The defaults: {@value #DEFAULT_GRACE_POPULATION} trials, {@value #DEFAULT_MIN_GRACE_ROUNDS} rounds. */
  public MedianStoppingRule() {
    this(DEFAULT_GRACE_POPULATION, DEFAULT_MIN_GRACE_ROUNDS);
  }

  /**
   * @param gracePopulation minimum number of other trials with usable data at a round before
   *     the rule decides at that round; &ge; 1
   * @param graceRounds first round at which the rule may stop a trial (rounds before it always
   *     CONTINUE); &ge; 1
   */
  public MedianStoppingRule(int gracePopulation, int graceRounds) {
    if (gracePopulation < 1) {
      throw new IllegalArgumentException("gracePopulation must be >= 1, got " + gracePopulation);
    }
    if (graceRounds < 1) {
      throw new IllegalArgumentException("graceRounds must be >= 1, got " + graceRounds);
    }
    this.gracePopulation = gracePopulation;
    this.graceRounds = graceRounds;
  }

  /**
   * The default rule for trials of at most {@code maxRounds} rounds (XGBoost's {@code num_round}):
   * {@value #DEFAULT_GRACE_POPULATION} trials and max({@value #DEFAULT_MIN_GRACE_ROUNDS},
   * ceil(10% of maxRounds)) grace rounds.
   *
   * @param maxRounds the trials' round budget; &ge; 1
   */
  public static MedianStoppingRule forMaxRounds(int maxRounds) {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be >= 1, got " + maxRounds);
    }
    int proportional = (int) Math.ceil(DEFAULT_GRACE_FRACTION * maxRounds);
    return new MedianStoppingRule(DEFAULT_GRACE_POPULATION, Math.max(DEFAULT_MIN_GRACE_ROUNDS, proportional));
  }

  /** Minimum number of other trials with usable data at a round before deciding there. */
  public int gracePopulation() {
    return gracePopulation;
  }

  /** First round (1-based) at which a trial may be stopped. */
  public int graceRounds() {
    return graceRounds;
  }

  @Override
  public synchronized Decision report(String trialId, int resource, double value) {
    checkId(trialId);
    Curve curve = curves.computeIfAbsent(trialId, id -> new Curve());
    if (curve.ended) {
      throw new IllegalArgumentException("trial '" + trialId + "' reported resource " + resource
          + " after it ended; an ended trial accepts no reports");
    }
    if (resource != curve.length + 1) {
      throw new IllegalArgumentException("resource " + resource + " for trial '" + trialId
          + "' is out of sequence; expected " + (curve.length + 1)
          + " (the median rule needs rounds 1, 2, 3, ... without gaps)");
    }
    curve.append(value);
    if (!Double.isFinite(value) || resource < graceRounds) {
      return Decision.CONTINUE;
    }
    double[] averages = new double[curves.size()];
    int n = 0;
    for (Map.Entry<String, Curve> e : curves.entrySet()) {
      Curve other = e.getValue();
      if (other != curve && other.hasUsableAverage(resource)) {
        averages[n++] = other.runningAverage(resource);
      }
    }
    if (n < gracePopulation) {
      return Decision.CONTINUE;
    }
    return value > median(averages, n) ? Decision.STOP : Decision.CONTINUE;
  }

  @Override
  public synchronized void trialEnded(String trialId) {
    checkId(trialId);
    Curve curve = curves.get(trialId);
    if (curve != null) {
      curve.ended = true;
    }
  }

  private static void checkId(String trialId) {
    if (trialId == null || trialId.isBlank()) {
      throw new IllegalArgumentException("trialId must be a non-blank string, got "
          + (trialId == null ? "null" : "'" + trialId + "'"));
    }
  }

  /** Median of the first {@code n} entries (sorts them in place); n &ge; 1. */
  private static double median(double[] values, int n) {
    Arrays.sort(values, 0, n);
    int mid = n / 2;
    return n % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
  }

  /** One trial's reported values, kept as prefix sums so any running average is O(1). */
  private static final class Curve {
    private double[] prefixSums = new double[16]; // prefixSums[r] = sum of values 1..r
    private int length;
    private int firstNonFinite = Integer.MAX_VALUE; // 1-based round of the first non-finite value
    private boolean ended;

    void append(double value) {
      if (length + 1 >= prefixSums.length) {
        prefixSums = Arrays.copyOf(prefixSums, prefixSums.length * 2);
      }
      length++;
      if (!Double.isFinite(value) && firstNonFinite == Integer.MAX_VALUE) {
        firstNonFinite = length;
      }
      prefixSums[length] = prefixSums[length - 1] + (Double.isFinite(value) ? value : 0.0);
    }

    boolean hasUsableAverage(int round) {
      return length >= round && firstNonFinite > round;
    }

    double runningAverage(int round) {
      return prefixSums[round] / round;
    }
  }
}
