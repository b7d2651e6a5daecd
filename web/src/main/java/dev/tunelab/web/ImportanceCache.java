package dev.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.optimizer.importance.ParameterImportance;
import dev.tunelab.optimizer.importance.SurrogateAnova;
import dev.tunelab.optimizer.space.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Importance} part of a tuning job's document ({@link SurrogateAnova}), computed once
 * per tuning job and number of scored jobs: finished jobs never change, so the same count means
 * the same inputs, and a dashboard refreshing a running job pays for it only when a job ends.
 */
final class ImportanceCache {
  private static final Logger LOG = LoggerFactory.getLogger(ImportanceCache.class);

  /** One sentence for the page. */
  static final String METHOD = "Functional ANOVA of a Gaussian-process surrogate: the first-order"
      + " Sobol index of each hyperparameter (the share of the objective's variance over the"
      + " search space it explains alone) for the posterior mean fitted to the finished jobs.";

  private record Entry(int scored, JsonNode value) { }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The importance node, or JSON null while fewer than 2 × ranges + 1 jobs have an objective. */
  JsonNode of(TuningJobRecord tuning, TuningJobSpec spec, List<TrainingJobRecord> jobs) {
    List<TrainingJobRecord> scored = DashboardData.scored(jobs);
    Entry cached = entries.get(tuning.name());
    if (cached != null && cached.scored == scored.size()) {
      return cached.value;
    }
    JsonNode value = compute(spec, scored);
    entries.put(tuning.name(), new Entry(scored.size(), value));
    return value;
  }

  private static JsonNode compute(TuningJobSpec spec, List<TrainingJobRecord> scored) {
    int ranges = spec.space().size();
    if (ranges == 0 || scored.size() < 2 * ranges + 1) {
      return NullNode.getInstance();
    }
    List<Configuration> configs = new ArrayList<>(scored.size());
    double[] y = new double[scored.size()];
    for (int i = 0; i < y.length; i++) {
      configs.add(DashboardData.configuration(spec.space(), scored.get(i)));
      y[i] = scored.get(i).objectiveValue();
    }
    List<ParameterImportance> values;
    try {
      values = SurrogateAnova.estimate(spec.space(), configs, y, spec.randomSeed());
    } catch (RuntimeException e) {
      LOG.warn("importance of tuning job {} not computed: {}", spec.name(), e.toString());
      return NullNode.getInstance();
    }
    ObjectNode o = Json.object();
    o.put("Method", METHOD);
    ArrayNode list = o.putArray("Values");
    for (ParameterImportance p : values) {
      list.addObject().put("Name", p.name()).put("Importance", p.importance());
    }
    return o;
  }
}
