package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.api.TrainingJobSummaries;
import dev.tunelab.optimizer.Direction;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A training job's ObjectiveStatus: decided by the store, stored by name, reported as stored. */
class ObjectiveStatusTest {

  @Test
  void pendingWhileRunningThenSucceededWithAnObjectiveElseFailed() {
    assertEquals(ObjectiveStatus.PENDING, ObjectiveStatus.of(TrainingJobStatus.InProgress, null));
    assertEquals(ObjectiveStatus.PENDING, ObjectiveStatus.of(TrainingJobStatus.Stopping, 1.0));
    assertEquals(ObjectiveStatus.SUCCEEDED, ObjectiveStatus.of(TrainingJobStatus.Completed, 1.0));
    assertEquals(ObjectiveStatus.SUCCEEDED, ObjectiveStatus.of(TrainingJobStatus.Stopped, 1.0));
    assertEquals(ObjectiveStatus.FAILED, ObjectiveStatus.of(TrainingJobStatus.Completed, null));
    assertEquals(ObjectiveStatus.FAILED, ObjectiveStatus.of(TrainingJobStatus.Failed, 1.0));
  }

  @Test
  void storedNamesAreSageMakersAndReadBack() {
    for (ObjectiveStatus s : ObjectiveStatus.values()) {
      assertEquals(s, ObjectiveStatus.fromSageMaker(s.sageMakerName()));
    }
    assertEquals("Succeeded", ObjectiveStatus.SUCCEEDED.sageMakerName());
    JobStoreException e = assertThrows(JobStoreException.class, () -> ObjectiveStatus.fromSageMaker("Done"));
    assertTrue(e.getMessage().contains("objective_status") && e.getMessage().contains("Done"), e.getMessage());
  }

  @Test
  void summariesReportTheStoredStatusNotARederivedOne() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    // a record whose column says Failed although it has an objective value: the summary says what is stored
    TrainingJobRecord stored = new TrainingJobRecord("j", "t", 1, TrainingJobStatus.Completed, Map.of(), Map.of(),
        null, t, t, t, t, Map.of(), 2.0, ObjectiveStatus.FAILED, null, null, null, 0, false);
    assertEquals("Failed", TrainingJobSummaries.summary(stored, Direction.MINIMIZE, "validation:rmse")
        .path("ObjectiveStatus").asText());
  }
}
