package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.store.ObjectiveStatus;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.Observation;
import dev.tunelab.optimizer.space.Configuration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counting rules of {@link JobTally}, on records alone. */
class JobTallyTest {

  static final Configuration C = new Configuration(Map.of("x", 1L));

  static TrainingJobRecord job(String name, TrainingJobStatus status, Double objective, boolean retryable) {
    return new TrainingJobRecord(name, "t", 1, status, Map.of(), Map.of(), null, Instant.EPOCH, null, null,
        Instant.EPOCH, Map.of(), objective, ObjectiveStatus.PENDING, null, null, null, 0, retryable);
  }

  @Test
  void retryableFailuresAreNeitherCountedNorLearnedFrom() {
    JobTally t = new JobTally(Direction.MINIMIZE);
    assertFalse(t.record(job("a", TrainingJobStatus.Failed, null, true), C));
    assertEquals(0, t.counted());
    assertEquals(1, t.failed(), "it still shows as Failed");
    assertEquals(0, t.notImproving());
    assertTrue(t.observations().isEmpty());
  }

  @Test
  void aFailedJobCountsAsAFailedObservationThatDoesNotImprove() {
    JobTally t = new JobTally(Direction.MINIMIZE);
    t.record(job("a", TrainingJobStatus.Failed, null, false), C);
    assertEquals(1, t.counted());
    assertEquals(1, t.notImproving());
    assertEquals(List.of(Observation.Status.FAILED), t.observations().stream().map(Observation::status).toList());
    assertNull(t.bestJob());
  }

  @Test
  void aStoppedJobWithAnObjectiveIsAResultButNotCompleted() {
    JobTally t = new JobTally(Direction.MINIMIZE);
    assertTrue(t.record(job("a", TrainingJobStatus.Stopped, 3.0, false), C));
    assertEquals(1, t.counted());
    assertEquals(0, t.completed());
    assertEquals("a", t.bestJob());
    assertEquals(List.of(3.0), t.objectives());
  }

  @Test
  void theBestFollowsTheDirectionAndTiesKeepTheFirst() {
    JobTally t = new JobTally(Direction.MAXIMIZE);
    assertTrue(t.record(job("a", TrainingJobStatus.Completed, 1.0, false), C));
    assertTrue(t.record(job("b", TrainingJobStatus.Completed, 2.0, false), C));
    assertFalse(t.record(job("c", TrainingJobStatus.Completed, 2.0, false), C));
    assertFalse(t.record(job("d", TrainingJobStatus.Completed, 0.5, false), C));
    assertEquals("b", t.bestJob());
    assertEquals(2, t.notImproving(), "c ties, d is worse");
    assertEquals(4, t.completed());
  }

  @Test
  void aNewBestWithinOnePercentDoesNotResetNotImproving() {
    JobTally t = new JobTally(Direction.MINIMIZE);
    t.record(job("a", TrainingJobStatus.Completed, 100.0, false), C);
    t.record(job("b", TrainingJobStatus.Completed, 120.0, false), C);
    assertTrue(t.record(job("c", TrainingJobStatus.Completed, 99.5, false), C));
    assertEquals(2, t.notImproving());
    assertTrue(t.record(job("d", TrainingJobStatus.Completed, 98.0, false), C));
    assertEquals(0, t.notImproving(), "98 improves on 99.5 by more than 1%");
  }
}
