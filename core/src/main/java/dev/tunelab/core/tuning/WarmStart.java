package dev.tunelab.core.tuning;

import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.optimizer.Observation;
import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ParameterRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Warm start: checks SageMaker's compatibility rules between a tuning job and its parents and
 * turns the parents' finished training jobs into observations in the child's search space.
 *
 * <p>Rules checked (SageMaker's, from the warm-start guide): every parent exists and has ended
 * (Completed, Stopped or Failed); the objective metric and type are the same; the set of
 * hyperparameters (static plus tunable, {@code _tuning_objective_metric} aside) is the same; no
 * hyperparameter tuned in both changes type (integer, continuous, categorical); at most 10
 * changes (a tunable one made static, or a changed static value; a categorical counts its
 * values); for IdenticalDataAndAlgorithm, the same channels and the same algorithm. Parents'
 * jobs whose values fall outside the child's ranges are left out of the optimizer's history.
 */
public final class WarmStart {

  /** Most changes SageMaker allows between a parent and a child. */
  public static final int MAX_CHANGES = 10;

  /** How many changes a range made static counts: its number of values for a categorical, else 1. */
  private static final ParameterRange.Visitor<Integer> CHANGES_WHEN_MADE_STATIC = new ParameterRange.Visitor<>() {
    @Override
    public Integer continuous(ContinuousRange range) {
      return 1;
    }

    @Override
    public Integer integer(IntegerRange range) {
      return 1;
    }

    @Override
    public Integer categorical(CategoricalRange range) {
      return range.values().size();
    }
  };

  private WarmStart() { }

  /** The parents' usable results in the child's space, oldest parent first. */
  public static List<Observation> observations(JobStore store, TuningJobSpec child) {
    List<Observation> out = new ArrayList<>();
    if (child.warmStart() == null) {
      return out;
    }
    for (int i = 0; i < child.warmStart().parents().size(); i++) {
      String field = "WarmStartConfig.ParentHyperParameterTuningJobs[" + i + "].HyperParameterTuningJobName";
      String parentName = child.warmStart().parents().get(i);
      TuningJobRecord parent = store.tuningJob(parentName).orElseThrow(() ->
          new SpecException(field, parentName, "the name of an existing tuning job"));
      if (parent.status() == TuningJobStatus.InProgress || parent.status() == TuningJobStatus.Stopping) {
        throw new SpecException(field, parentName, "a parent that has ended (Completed, Stopped or Failed); it is "
            + parent.status());
      }
      TuningJobSpec p = StoredRequests.tuningJob(store, parent);
      checkCompatible(field, parentName, p, child);
      for (TrainingJobRecord job : store.trainingJobsOf(parentName)) {
        if (job.objectiveValue() == null
            || (job.status() != TrainingJobStatus.Completed && job.status() != TrainingJobStatus.Stopped)) {
          continue;
        }
        Configuration c = inChildSpace(child, job.hyperParameters());
        if (c != null) {
          out.add(Observation.completed(c, job.objectiveValue()));
        }
      }
    }
    return out;
  }

  private static void checkCompatible(String field, String parentName, TuningJobSpec parent, TuningJobSpec child) {
    String prefix = "parent " + parentName + ": ";
    if (!parent.objectiveMetric().equals(child.objectiveMetric()) || parent.direction() != child.direction()) {
      throw new SpecException(field, parentName, prefix + "a parent with the same objective ("
          + child.direction() + " " + child.objectiveMetric() + "); it has " + parent.direction() + " "
          + parent.objectiveMetric() + " (rule: the objective metric must be the same)");
    }
    Map<String, ParameterRange> pr = ranges(parent);
    Map<String, ParameterRange> cr = ranges(child);
    Map<String, String> ps = statics(parent);
    Map<String, String> cs = statics(child);
    TreeSet<String> pNames = new TreeSet<>(pr.keySet());
    pNames.addAll(ps.keySet());
    TreeSet<String> cNames = new TreeSet<>(cr.keySet());
    cNames.addAll(cs.keySet());
    if (!pNames.equals(cNames)) {
      throw new SpecException(field, parentName, prefix + "the same static plus tunable hyperparameters as the parent "
          + pNames + "; this job has " + cNames + " (rule: the set of hyperparameters must stay the same)");
    }
    int changes = 0;
    for (String n : cNames) {
      ParameterRange a = pr.get(n);
      ParameterRange b = cr.get(n);
      if (a != null && b != null && a.getClass() != b.getClass()) {
        throw new SpecException(field, parentName, prefix + "hyperparameter " + n + " keeping its type ("
            + a.kind() + " in the parent, " + b.kind() + " here) (rule: no hyperparameter may change type)");
      }
      if (a != null && b == null) {
        changes += a.accept(CHANGES_WHEN_MADE_STATIC);
      } else if (a == null && b == null && !Objects.equals(ps.get(n), cs.get(n))) {
        changes++;
      }
    }
    if (changes > MAX_CHANGES) {
      throw new SpecException(field, parentName, prefix + "at most " + MAX_CHANGES
          + " changes (tunable made static, or static values changed; a categorical counts its values); this job has "
          + changes);
    }
    if (child.warmStart().identical()) {
      if (!sameAlgorithm(parent.definition().algorithm(), child.definition().algorithm())) {
        throw new SpecException(field, parentName, prefix + "the same algorithm for IdenticalDataAndAlgorithm (use "
            + "TransferLearning when the algorithm changes)");
      }
      if (!channels(parent).equals(channels(child))) {
        throw new SpecException(field, parentName, prefix + "the same input data for IdenticalDataAndAlgorithm: parent "
            + channels(parent) + ", this job " + channels(child) + " (use TransferLearning when the data changes)");
      }
    }
  }

  private static boolean sameAlgorithm(AlgorithmSpec a, AlgorithmSpec b) {
    return Objects.equals(a.trainingImage(), b.trainingImage()) && Objects.equals(a.algorithmName(), b.algorithmName())
        && a.containerEntrypoint().equals(b.containerEntrypoint()) && a.containerArguments().equals(b.containerArguments());
  }

  private static Map<String, String> channels(TuningJobSpec s) {
    Map<String, String> m = new java.util.TreeMap<>();
    for (ChannelSpec c : s.definition().channels()) {
      m.put(c.name(), c.uri().startsWith("dataset:") || c.uri().contains("://") ? c.uri()
          : s.definition().baseDir().resolve(c.uri().replaceFirst("^file:", "")).normalize().toString());
    }
    return m;
  }

  private static Map<String, ParameterRange> ranges(TuningJobSpec s) {
    Map<String, ParameterRange> m = new LinkedHashMap<>();
    s.space().ranges().forEach(r -> m.put(r.name(), r));
    return m;
  }

  private static Map<String, String> statics(TuningJobSpec s) {
    Map<String, String> m = new HashMap<>(s.staticHyperParameters());
    m.remove("_tuning_objective_metric");
    return m;
  }

  /** The parent's values for the child's ranges, or {@code null} when one is missing or out of range. */
  static Configuration inChildSpace(TuningJobSpec child, Map<String, String> hps) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterRange r : child.space().ranges()) {
      String v = hps.get(r.name());
      if (v == null) {
        return null;
      }
      Object x;
      try {
        x = r.parse(v);
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (!r.contains(x)) {
        return null;
      }
      values.put(r.name(), x);
    }
    return new Configuration(values);
  }
}
