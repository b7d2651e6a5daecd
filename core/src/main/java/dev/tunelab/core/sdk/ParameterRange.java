package dev.tunelab.core.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.optimizer.space.ScalingType;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of values for one tuned hyperparameter, the SageMaker Python SDK's
 * {@code sagemaker.parameter.ParameterRange}. The name is not part of the range: it is the key of
 * the map given to {@link HyperparameterTuner}, as in the SDK's {@code hyperparameter_ranges}.
 *
 * <p>Ranges are checked when the tuner's request is parsed (on {@code fit}), by the same code as
 * the {@code tunelab tune} command: a bad range (min above max, a logarithmic range reaching 0,
 * ...) raises a {@link dev.tunelab.core.spec.SpecException} naming the range.
 */
public sealed interface ParameterRange permits ContinuousParameter, IntegerParameter, CategoricalParameter {

  /**
   * {@code "Continuous"}, {@code "Integer"} or {@code "Categorical"}: the SDK's class
   * {@code __name__}, and the prefix of the request's {@code <type>ParameterRanges} key.
   */
  String rangeType();

  /**
   * The request entry for this range, the SDK's {@code as_tuning_range(name)}:
   * {@code {Name, MinValue, MaxValue, ScalingType}} with the bounds as strings, or
   * {@code {Name, Values}} for a categorical range.
   */
  ObjectNode asTuningRange(String name);

  /** Rebuilds a range from a stored request entry of the given type (for {@code attach}). */
  static ParameterRange fromTuningRange(String rangeType, JsonNode entry) {
    ScalingType scaling = ScalingType.fromSageMaker(entry.path("ScalingType").asText("Auto"));
    return switch (rangeType) {
      case "Continuous" -> new ContinuousParameter(Double.parseDouble(entry.path("MinValue").asText()),
          Double.parseDouble(entry.path("MaxValue").asText()), scaling);
      case "Integer" -> new IntegerParameter(Long.parseLong(entry.path("MinValue").asText().trim()),
          Long.parseLong(entry.path("MaxValue").asText().trim()), scaling);
      case "Categorical" -> {
        List<String> values = new ArrayList<>();
        entry.path("Values").forEach(v -> values.add(v.asText()));
        yield new CategoricalParameter(values);
      }
      default -> throw new IllegalArgumentException("range type '" + rangeType
          + "' is not valid; accepted: Continuous, Integer, Categorical");
    };
  }
}
