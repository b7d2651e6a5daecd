package dev.tunelab.core.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.TuningJobSpecParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobNamesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-07-17T23:37:05.012Z"), ZoneOffset.UTC);

  @Test
  void baseNamesComeFromTheImageAsInTheSdk() {
    assertEquals("xgboost", JobNames.baseFromImage(Estimator.XGBOOST_IMAGE));
    assertEquals("sagemaker-xgboost", JobNames.baseFromImage("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:0.90-2-cpu-py3"));
    assertEquals("my-algo", JobNames.baseFromImage("my_algo"));
    assertEquals("python3", JobNames.baseFromCommand(List.of("/usr/bin/python3", "train.py")));
  }

  @Test
  void tuningNamesUseTheSdksShortTimestampWithin32Characters() {
    assertEquals("xgboost-200717-2337", JobNames.tuning("xgboost", CLOCK, n -> false));
    String longBase = "a-very-long-base-name-for-a-tuning-job";
    String name = JobNames.tuning(longBase, CLOCK, n -> false);
    assertEquals(32, name.length());
    assertTrue(name.endsWith("-200717-2337"), name);
    assertTrue(TuningJobSpecParser.TUNING_JOB_NAME.matcher(name).matches(), name);
  }

  @Test
  void aTakenTuningNameGetsANumber() {
    Set<String> taken = Set.of("xgboost-200717-2337", "xgboost-200717-2337-2");
    assertEquals("xgboost-200717-2337-3", JobNames.tuning("xgboost", CLOCK, taken::contains));
    String crowded = JobNames.tuning("b".repeat(40), CLOCK, n -> n.endsWith("2337"));
    assertTrue(crowded.length() <= 32 && crowded.endsWith("-200717-2337-2"), crowded);
  }

  @Test
  void trainingNamesUseTheSdksLongUtcTimestampAndMoveOnWhenTaken() {
    assertEquals("xgboost-2020-07-17-23-37-05-012", JobNames.training("xgboost", CLOCK, n -> false));
    assertEquals("xgboost-2020-07-17-23-37-05-013",
        JobNames.training("xgboost", CLOCK, "xgboost-2020-07-17-23-37-05-012"::equals));
    assertTrue(JobNames.training("c".repeat(80), CLOCK, n -> false).length() <= 63);
  }
}
