package dev.tunelab.core.process;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingOutcome.Status;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessTrainerValidationTest {

  private final ProcessTrainer trainer =
      new ProcessTrainer(ProcessCommand.of(Path.of("."), "python3", "train.py"), List.of());

  @Test
  void theTrainerConstructorValidatesToo() {
    ProcessCommand cmd = ProcessCommand.of(Path.of("."), "true");
    SpecException e = assertThrows(SpecException.class, () -> new ProcessTrainer(cmd,
        List.of(new MetricDefinition("a", "(x)"), new MetricDefinition("b", "(?P<v"))));
    assertEquals("AlgorithmSpecification.MetricDefinitions[1].Regex", e.field());
  }

  @Test
  void anyNamedStringHyperparameterIsAccepted() {
    assertDoesNotThrow(() -> trainer.validate(Map.of("epochs", "10", "anything", "not a number", "x", "")));
  }

  @Test
  void anEmptyNameIsRejected() {
    SpecException e = assertThrows(SpecException.class, () -> trainer.validate(Map.of("", "1")));
    assertEquals("HyperParameters", e.field());
  }

  @Test
  void aNullValueIsRejectedNamingTheHyperparameter() {
    Map<String, String> hps = new HashMap<>();
    hps.put("eta", null);
    SpecException e = assertThrows(SpecException.class, () -> trainer.validate(hps));
    assertEquals("HyperParameters.eta", e.field());
  }

  @Test
  void anEmptyEntrypointIsRejectedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ProcessCommand(List.of(), List.of(), Path.of("."), Map.of()));
    assertTrue(e.getMessage().startsWith("AlgorithmSpecification.ContainerEntrypoint"), e.getMessage());
  }

  @Test
  void relativeProgramPathsResolveAgainstTheWorkingDirectory() {
    Path wd = Path.of("/specs/demo");
    assertEquals("/specs/demo/scripts/train.py",
        ProcessCommand.of(wd, "scripts/train.py").resolvedProgram());
    assertEquals("/specs/demo/train.sh", ProcessCommand.of(wd, "./train.sh").resolvedProgram());
    assertEquals("python3", ProcessCommand.of(wd, "python3").resolvedProgram());
    assertEquals("/usr/bin/env", ProcessCommand.of(wd, "/usr/bin/env").resolvedProgram());
  }

  @Test
  void objectiveNotEmittedOnlyForACompletedJobWithoutTheMetric() {
    TrainingOutcome with = new TrainingOutcome(Status.COMPLETED, Map.of("m", 1.0), null, null, -1, 1);
    assertEquals(Optional.empty(), ProcessTrainer.objectiveNotEmitted(with, "m"));
    assertEquals(Optional.of("objective metric n was not emitted"),
        ProcessTrainer.objectiveNotEmitted(with, "n"));
    assertEquals(Optional.empty(),
        ProcessTrainer.objectiveNotEmitted(TrainingOutcome.failed("boom"), "m"));
  }
}
