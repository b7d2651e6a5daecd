package dev.tunelab.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A training job's ObjectiveStatus as summaries and describe report it. */
class ObjectiveStatusTest {

  private static TrainingJobRecord job(TrainingJobStatus status, Double objective) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new TrainingJobRecord("j", "t", 1, status, Map.of(), Map.of(), null, t, t, null, t, Map.of(),
        objective, null, null, null, null, 0, false);
  }

  @Test
  void pendingWhileRunningThenSucceededWithAnObjectiveElseFailed() {
    assertEquals(ObjectiveStatus.PENDING, ObjectiveStatus.of(job(TrainingJobStatus.InProgress, null)));
    assertEquals(ObjectiveStatus.PENDING, ObjectiveStatus.of(job(TrainingJobStatus.Stopping, 1.0)));
    assertEquals(ObjectiveStatus.SUCCEEDED, ObjectiveStatus.of(job(TrainingJobStatus.Completed, 1.0)));
    assertEquals(ObjectiveStatus.SUCCEEDED, ObjectiveStatus.of(job(TrainingJobStatus.Stopped, 1.0)));
    assertEquals(ObjectiveStatus.FAILED, ObjectiveStatus.of(job(TrainingJobStatus.Completed, null)));
    assertEquals(ObjectiveStatus.FAILED, ObjectiveStatus.of(job(TrainingJobStatus.Failed, null)));
  }

  @Test
  void summariesWriteSageMakersSpelling() {
    assertEquals(List.of("Succeeded", "Pending", "Failed"),
        List.of(ObjectiveStatus.SUCCEEDED.sageMakerName(), ObjectiveStatus.PENDING.sageMakerName(),
            ObjectiveStatus.FAILED.sageMakerName()));
    assertEquals("Pending", TrainingJobSummaries.summary(job(TrainingJobStatus.InProgress, null),
        dev.tunelab.optimizer.Direction.MINIMIZE, "validation:rmse").path("ObjectiveStatus").asText());
    assertEquals("Maximize", TrainingJobSummaries.summary(job(TrainingJobStatus.Completed, 2.0),
        dev.tunelab.optimizer.Direction.MAXIMIZE, "validation:auc")
        .path("FinalHyperParameterTuningJobObjectiveMetric").path("Type").asText());
  }
}
