package dev.tunelab.optimizer.stopping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020, in its "stopping" form) with optional
 * Hyperband brackets: the early-stopping rule behind AMT's {@code Hyperband} strategy, which is
 * asynchronous (trials are never paused to wait for a full rung).
 *
 * <p><b>Rungs.</b> Resource levels {@code round(minResource * eta^k) < maxResource}, k = 0, 1, ...
 * (see {@link #rungs(int, int, double)}; min 1, max 200, eta 3 gives 1, 3, 9, 27, 81). The
 * first report of a trial at or past a rung records its value there and judges it: the trial
 * continues (is "promoted") only if fewer than {@code floor(n / eta)} of the {@code n} values
 * recorded at that rung so far, its own included, are strictly better than its value; otherwise
 * STOP. Ties therefore favour continuing, and the best value seen at a rung always continues.
 * While fewer than {@code eta} values are recorded at a rung ({@code n < eta}), the trial
 * continues: asynchronous rungs start empty, and stopping the first arrivals on no evidence
 * would make the outcome depend on arrival order alone. A trial is never stopped before {@code minResource} (the first rung) nor at or after
 * {@code maxResource}: the trainer itself stops at its round budget.
 *
 * <p><b>Brackets.</b> With {@code brackets = B > 1}, trials are assigned to brackets
 * round-robin in the order of their first report (the i-th new trial, 0-based, goes to bracket
 * {@code i mod B}); bracket {@code s} uses the rungs from index {@code s} on, i.e. its minimum
 * resource is {@code minResource * eta^s}, as Hyperband's bracket {@code s}. Brackets keep
 * separate rung records. More brackets hedge against curves that cross late (a slow starter
 * is judged later in higher brackets) at the price of less saving. The default is a single
 * bracket, as in Syne Tune's Hyperband scheduler ({@code brackets=1}): with AMT's tens of jobs,
 * splitting them into brackets leaves each rung with too few values to halve meaningfully.
 *
 * <p>A non-finite value at a rung is not recorded and the trial continues (the scheduler
 * decides what a NaN objective means). Reports of a trial must have strictly increasing
 * resources; gaps are allowed (a trial that skips a rung is judged there with the first value
 * past it). Thread-safe (every method synchronises on the instance) and deterministic: the
 * answer depends only on the sequence of calls.
 */
public final class AsyncHyperbandRule implements StoppingRule {

  /** Hyperband's customary reduction factor. */
  public static final double DEFAULT_REDUCTION_FACTOR = 3.0;

  private final int minResource;
  private final int maxResource;
  private final double reductionFactor;
  private final int brackets;
  private final List<Integer> rungs;
  /** rungValues.get(bracket).get(rungIndex) = values recorded at that rung, in arrival order. */
  private final List<List<List<Double>>> rungValues = new ArrayList<>();
  private final Map<String, TrialState> trials = new HashMap<>();

  /** A single ASHA bracket with reduction factor {@value #DEFAULT_REDUCTION_FACTOR}. */
  public AsyncHyperbandRule(int minResource, int maxResource) {
    this(minResource, maxResource, DEFAULT_REDUCTION_FACTOR);
  }

  /** A single ASHA bracket. See {@link #AsyncHyperbandRule(int, int, double, int)}. */
  public AsyncHyperbandRule(int minResource, int maxResource, double reductionFactor) {
    this(minResource, maxResource, reductionFactor, 1);
  }

  /**
   * @param minResource first rung, in resource units (rounds); &ge; 1 and &le; maxResource
   * @param maxResource the trials' full budget in resource units; never stopped at or past it
   * @param reductionFactor eta: about 1/eta of the trials reaching a rung continue; finite, &ge; 2
   * @param brackets number of Hyperband brackets, 1 to the number of rungs (at least 1)
   */
  public AsyncHyperbandRule(int minResource, int maxResource, double reductionFactor, int brackets) {
    this.rungs = rungs(minResource, maxResource, reductionFactor);
    int maxBrackets = Math.max(1, rungs.size());
    if (brackets < 1 || brackets > maxBrackets) {
      throw new IllegalArgumentException("brackets must be in [1, " + maxBrackets + "] (the number of rungs "
          + rungs + "), got " + brackets);
    }
    this.minResource = minResource;
    this.maxResource = maxResource;
    this.reductionFactor = reductionFactor;
    this.brackets = brackets;
    for (int b = 0; b < brackets; b++) {
      List<List<Double>> perRung = new ArrayList<>();
      for (int k = 0; k < rungs.size(); k++) {
        perRung.add(new ArrayList<>());
      }
      rungValues.add(perRung);
    }
  }

  /**
   * The rung levels {@code round(min * eta^k)} for k = 0, 1, ... that are strictly below
   * {@code max}, ascending; empty when {@code min == max}.
   *
   * @throws IllegalArgumentException unless 1 &le; min &le; max and eta is finite and &ge; 2
   */
  public static List<Integer> rungs(int min, int max, double eta) {
    if (min < 1) {
      throw new IllegalArgumentException("minResource must be >= 1, got " + min);
    }
    if (max < min) {
      throw new IllegalArgumentException("maxResource must be >= minResource " + min + ", got " + max);
    }
    if (!(eta >= 2.0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException("reductionFactor must be finite and >= 2, got " + eta);
    }
    List<Integer> out = new ArrayList<>();
    for (int k = 0; ; k++) {
      double level = Math.rint(min * Math.pow(eta, k));
      if (level >= max) {
        return List.copyOf(out);
      }
      int rung = (int) level;
      if (out.isEmpty() || rung > out.get(out.size() - 1)) {
        out.add(rung);
      }
    }
  }

  /** The trials' full budget in resource units; a trial is never stopped at or past it. */
  public int maxResource() {
    return maxResource;
  }

  /** The first rung in resource units; no trial is stopped before it. */
  public int minResource() {
    return minResource;
  }

  /** eta, the reduction factor. */
  public double reductionFactor() {
    return reductionFactor;
  }

  /** Number of Hyperband brackets (1 = plain ASHA). */
  public int brackets() {
    return brackets;
  }

  /** The rung levels of bracket 0, ascending (bracket s uses those from index s on). */
  public List<Integer> rungLevels() {
    return rungs;
  }

  @Override
  public synchronized Decision report(String trialId, int resource, double value) {
    checkId(trialId);
    TrialState state = trials.get(trialId);
    if (state == null) {
      int bracket = trials.size() % brackets;
      state = new TrialState(bracket);
      trials.put(trialId, state);
    }
    if (state.ended) {
      throw new IllegalArgumentException("trial '" + trialId + "' reported resource " + resource
          + " after it ended; an ended trial accepts no reports");
    }
    if (resource <= state.lastResource) {
      throw new IllegalArgumentException("resource " + resource + " for trial '" + trialId
          + "' must be greater than its previous report " + state.lastResource + " (and >= 1)");
    }
    state.lastResource = resource;
    if (resource >= maxResource) {
      return Decision.CONTINUE;
    }
    List<List<Double>> perRung = rungValues.get(state.bracket);
    while (state.nextRung < rungs.size() && rungs.get(state.nextRung) <= resource) {
      int rung = state.nextRung++;
      if (!Double.isFinite(value)) {
        continue;
      }
      List<Double> recorded = perRung.get(rung);
      recorded.add(value);
      if (!promoted(recorded, value)) {
        return Decision.STOP;
      }
    }
    return Decision.CONTINUE;
  }

  @Override
  public synchronized void trialEnded(String trialId) {
    checkId(trialId);
    TrialState state = trials.get(trialId);
    if (state != null) {
      state.ended = true;
    }
  }

  /** True if {@code value} (already in {@code recorded}) is in the top 1/eta of the rung. */
  private boolean promoted(List<Double> recorded, double value) {
    int n = recorded.size();
    if (n < reductionFactor) {
      return true;
    }
    int slots = (int) Math.floor(n / reductionFactor);
    int better = 0;
    for (double v : recorded) {
      if (v < value) {
        better++;
      }
    }
    return better < slots;
  }

  private static void checkId(String trialId) {
    if (trialId == null || trialId.isBlank()) {
      throw new IllegalArgumentException("trialId must be a non-blank string, got "
          + (trialId == null ? "null" : "'" + trialId + "'"));
    }
  }

  /** Bookkeeping for one trial: its bracket and the next rung (index into the rung list) it will meet. */
  private static final class TrialState {
    final int bracket;
    int nextRung;
    int lastResource;
    boolean ended;

    TrialState(int bracket) {
      this.bracket = bracket;
      this.nextRung = bracket;
    }
  }
}
