package dev.tunelab.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.optimizer.Direction;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A stored tuning job's HyperParameterTuningJobObjective, read back from its request.
 *
 * @param direction  the objective Type: Minimize or Maximize
 * @param metricName the objective metric, e.g. {@code validation:rmse}
 */
public record TuningObjective(Direction direction, String metricName) {

  /** The objective of a stored tuning job. */
  public static TuningObjective of(TuningJobRecord tuning) {
    return of(parse(tuning.specJson()));
  }

  /** The objective of a CreateHyperParameterTuningJob request. */
  public static TuningObjective of(JsonNode request) {
    JsonNode o = request.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
    return new TuningObjective(Direction.fromSageMaker(o.path("Type").asText("Minimize")), o.path("MetricName").asText());
  }

  static JsonNode parse(String json) {
    try {
      return JsonSpecReader.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
