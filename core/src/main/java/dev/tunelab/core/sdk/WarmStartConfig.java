package dev.tunelab.core.sdk;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.WarmStartType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The parents of a warm-started tuning job, the SageMaker Python SDK's
 * {@code WarmStartConfig(warm_start_type, parents)}. Serialised as the request's
 * {@code {"ParentHyperParameterTuningJobs": [{"HyperParameterTuningJobName": ...}], "WarmStartType": ...}}.
 * The parent count (1 to 5) and their states are checked when the request is parsed.
 *
 * @param warmStartType how the parents are used
 * @param parents       the parent tuning job names, duplicates removed, in the order given
 */
public record WarmStartConfig(WarmStartType warmStartType, List<String> parents) {

  public WarmStartConfig {
    Objects.requireNonNull(warmStartType, "WarmStartConfig.warmStartType: got null; expected "
        + "IDENTICAL_DATA_AND_ALGORITHM or TRANSFER_LEARNING");
    Objects.requireNonNull(parents, "WarmStartConfig.parents: got null; expected 1 to 5 tuning job names");
    for (String p : parents) {
      Objects.requireNonNull(p, "WarmStartConfig.parents: got a null name; expected tuning job names");
    }
    parents = List.copyOf(new LinkedHashSet<>(parents));
  }

  /** The request's {@code WarmStartConfig} object. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    ArrayNode a = o.putArray("ParentHyperParameterTuningJobs");
    parents.forEach(p -> a.addObject().put("HyperParameterTuningJobName", p));
    o.put("WarmStartType", warmStartType.sageMakerName());
    return o;
  }

  /** The SDK's config for a parsed request's warm start (for {@code attach}). */
  public static WarmStartConfig of(TuningJobSpec.WarmStart warmStart) {
    return new WarmStartConfig(warmStart.type(), warmStart.parents());
  }
}
