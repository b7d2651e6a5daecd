package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune --executor/--master/--conf}: the options are checked before anything is read or
 * recorded, and an executor whose module is not on the class path (the cli's own tests have no
 * Spark) is refused with what is accepted and how to get it.
 */
class ExecutorOptionsTest {

  @TempDir Path home;

  private CliTestSupport.Run tune(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "tune";
    args[1] = TuneTestSupport.COURSE_SPEC;
    System.arraycopy(options, 0, args, 2, options.length);
    return CliTestSupport.run(home, args);
  }

  private void refused(CliTestSupport.Run r, String... phrases) {
    assertEquals(2, r.exitCode(), r.err());
    for (String p : phrases) {
      assertTrue(r.err().contains(p), "'" + p + "' in: " + r.err());
    }
    assertFalse(Files.exists(home.resolve("tunelab.db")), "nothing recorded");
  }

  @Test
  void sparkWithoutItsJarsIsRefusedWithTheWayToGetThem() {
    refused(tune("--executor", "spark", "--master", "local[2]"), "--executor 'spark' is not available",
        "accepted: local", "./tunelab", "spark-submit");
  }

  @Test
  void anUnknownExecutorNamesWhatIsAccepted() {
    refused(tune("--executor", "ray"), "--executor 'ray' is not available", "accepted: local");
  }

  @Test
  void sparkOptionsWithoutTheSparkExecutorAreRefused() {
    refused(tune("--master", "local[2]"), "--master 'local[2]' applies to --executor spark only");
    refused(tune("--conf", "spark.ui.enabled=true"), "--conf applies to --executor spark only");
  }

  @Test
  void aBackgroundRunCannotTakeAnotherExecutor() {
    refused(tune("--no-wait", "--executor", "spark"), "--no-wait", "cannot take --executor spark");
  }

  @Test
  void theHelpTeachesTheExecutor() {
    CliTestSupport.Run help = CliTestSupport.run(home, "tune", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--executor") && help.out().contains("--master")
        && help.out().contains("spark-submit"), help.out());
  }
}
