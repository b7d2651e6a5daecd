package dev.tunelab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.train.RecordingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingOutcome.Status;
import dev.tunelab.core.train.TrainingRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real bash and python3 programs through {@link ProcessTrainer}. */
class ProcessTrainerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SCRIPTS = List.of("train.py", "fail_with_file.sh",
      "fail_plain.sh", "no_metric.sh", "sleep.sh", "background.sh");

  @TempDir Path work;
  private Path specDir;
  private Path trainCsv;
  private Path validationCsv;

  @BeforeEach
  void copyScripts() throws IOException {
    specDir = Files.createDirectories(work.resolve("spec"));
    for (String name : SCRIPTS) {
      try (InputStream in = getClass().getResourceAsStream("/process/" + name)) {
        assertNotNull(in, name);
        Path target = specDir.resolve(name);
        Files.copy(in, target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    Path data = Files.createDirectories(work.resolve("data"));
    trainCsv = Files.writeString(data.resolve("train.csv"), "24.0,0.1,0.2\n21.6,0.3,0.4\n");
    validationCsv = Files.writeString(data.resolve("validation.csv"), "34.7,0.5,0.6\n");
  }

  private TrainingRequest request(Map<String, String> hps, Duration maxRuntime,
      BooleanSupplier stop) {
    return new TrainingRequest("job-1", hps, Map.of(),
        Map.of("train", List.of(trainCsv), "validation", List.of(validationCsv)),
        work.resolve("jobs").resolve("job-1"), maxRuntime, 2, stop);
  }

  private TrainingRequest request(Map<String, String> hps) {
    return request(hps, Duration.ofSeconds(60), null);
  }

  private static ProcessTrainer trainer(ProcessCommand command, MetricDefinition... metrics) {
    return new ProcessTrainer(command, List.of(metrics));
  }

  private ProcessCommand python(List<String> args) {
    return new ProcessCommand(List.of("python3", "train.py"), args, specDir, Map.of("MY_VAR", "mine"));
  }

  private static final MetricDefinition LOSS = new MetricDefinition("train:loss", "loss=(\\S+)");
  private static final MetricDefinition VAL_LOSS =
      new MetricDefinition("validation:loss", "val_loss: (\\S+)");

  @Test
  void metricsArriveInIterationOrderAndTheFinalValueIsTheLast() {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer(python(List.of()), LOSS)
        .train(request(Map.of("epochs", "4", "lr", "0.8")), listener);

    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    assertNull(out.failureReason());
    assertEquals(List.of(
        new RecordingListener.Metric("train:loss", 0, 0.4),
        new RecordingListener.Metric("train:loss", 1, 0.2),
        new RecordingListener.Metric("train:loss", 2, 0.1),
        new RecordingListener.Metric("train:loss", 3, 0.05)), listener.metrics("train:loss"));
    assertEquals(Map.of("train:loss", 0.05), out.finalMetrics());
    assertEquals(4, out.roundsTrained());
    assertEquals(-1, out.bestIteration());
    // "loss=nan" is ignored with a notice, and every call came on the training thread
    assertTrue(listener.lines.contains("loss=nan"));
    assertTrue(listener.lines.stream().anyMatch(l -> l.contains("'nan'") && l.contains("ignored")),
        listener.lines.toString());
    assertEquals(Thread.currentThread().getName(),
        listener.threads.stream().distinct().reduce((a, b) -> a + "," + b).orElseThrow());
  }

  @Test
  void theModelFolderIsTheArtifactWhenTheProgramWroteIntoIt() throws IOException {
    TrainingOutcome out = trainer(python(List.of()), LOSS)
        .train(request(Map.of("lr", "0.5")), new RecordingListener());
    Path jobDir = work.resolve("jobs").resolve("job-1").toAbsolutePath().normalize();
    assertEquals(jobDir.resolve("model"), out.modelArtifact());
    assertEquals("lr=0.5\n", Files.readString(out.modelArtifact().resolve("model.txt")));
  }

  @Test
  void metricsPrintedOnStderrAreCapturedToo() {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer(python(List.of()), LOSS, VAL_LOSS)
        .train(request(Map.of("epochs", "3", "lr", "1")), listener);
    assertEquals(List.of(
        new RecordingListener.Metric("validation:loss", 0, 1.0),
        new RecordingListener.Metric("validation:loss", 1, 0.5),
        new RecordingListener.Metric("validation:loss", 2, 0.25)),
        listener.metrics("validation:loss"));
    assertEquals(Map.of("train:loss", 0.125, "validation:loss", 0.25), out.finalMetrics());
    assertTrue(listener.lines.contains("epoch 2 val_loss: 0.5"), listener.lines.toString());
  }

  @Test
  void sageMakersHash011RegexMatchesARealTabAndSoDoesARawTabRegex() {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer(python(List.of()),
        new MetricDefinition("validation:rmse", ".*\\[[0-9]+\\].*#011validation-rmse:(\\S+)"),
        new MetricDefinition("train:rmse", "\\[[0-9]+\\]\\ttrain-rmse:(\\S+)"))
        .train(request(Map.of("epochs", "2", "lr", "1")), listener);
    assertEquals(List.of(0.5 * 3, 0.25 * 3),
        listener.metrics("validation:rmse").stream().map(RecordingListener.Metric::value).toList());
    assertEquals(List.of(0.5, 0.25),
        listener.metrics("train:rmse").stream().map(RecordingListener.Metric::value).toList());
    assertEquals(Map.of("validation:rmse", 0.75, "train:rmse", 0.25), out.finalMetrics());
    assertTrue(listener.lines.contains("[0]\ttrain-rmse:0.5\tvalidation-rmse:1.5"),
        "log lines keep their tabs: " + listener.lines);
  }

  @Test
  void pythonNamedGroupsWorkInARun() {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer(python(List.of()),
        new MetricDefinition("train:loss", "epoch (?P<ep>\\d+) loss=(?P<loss_value>[0-9.]+)"))
        .train(request(Map.of("epochs", "2", "lr", "1")), listener);
    // the value is the FIRST capturing group: here the epoch number
    assertEquals(Map.of("train:loss", 2.0), out.finalMetrics());
  }

  @Test
  void theContainerContractIsVisibleToTheProgram() throws IOException {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer(python(List.of("--extra", "x")), LOSS)
        .train(request(Map.of("epochs", "1", "lr", "0.8")), listener);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    Path jobDir = work.resolve("jobs").resolve("job-1").toAbsolutePath().normalize();

    assertEquals(List.of("--extra", "x", "--epochs", "1", "--lr", "0.8"),
        report(listener, "argv", new TypeReference<List<String>>() { }));
    Map<String, String> hps = Map.of("epochs", "1", "lr", "0.8");
    assertEquals(hps, report(listener, "hps_file", new TypeReference<Map<String, String>>() { }));
    assertEquals(specDir.toRealPath().toString(), report(listener, "cwd", new TypeReference<String>() { }));
    assertEquals(Map.of(
        "train", Map.of("train.csv", "24.0,0.1,0.2"),
        "validation", Map.of("validation.csv", "34.7,0.5,0.6")),
        report(listener, "channels", new TypeReference<Map<String, Map<String, String>>>() { }));
    Map<String, String> fileMode = Map.of("ContentType", "text/csv", "TrainingInputMode", "File",
        "S3DistributionType", "FullyReplicated", "RecordWrapperType", "None");
    assertEquals(Map.of("train", fileMode, "validation", fileMode),
        report(listener, "data_config", new TypeReference<Map<String, Map<String, String>>>() { }));

    Map<String, String> env = report(listener, "env", new TypeReference<Map<String, String>>() { });
    assertEquals(jobDir.toString(), env.get("SM_BASE_DIR"));
    assertEquals(jobDir.resolve("input/config/hyperparameters.json").toString(), env.get("SM_HPS_FILE"));
    assertEquals(jobDir.resolve("model").toString(), env.get("SM_MODEL_DIR"));
    assertEquals(jobDir.resolve("output").toString(), env.get("SM_OUTPUT_DIR"));
    assertEquals(jobDir.resolve("output/data").toString(), env.get("SM_OUTPUT_DATA_DIR"));
    assertEquals(jobDir.resolve("input/data/train").toString(), env.get("SM_CHANNEL_TRAIN"));
    assertEquals(jobDir.resolve("input/data/validation").toString(), env.get("SM_CHANNEL_VALIDATION"));
    assertEquals(List.of("train", "validation"), JSON.readValue(env.get("SM_CHANNELS"), List.class));
    assertEquals(hps, JSON.readValue(env.get("SM_HPS"), Map.class));
    assertEquals("0.8", env.get("SM_HP_LR"));
    assertEquals("2", env.get("SM_NUM_CPUS"));
    assertEquals("2", env.get("OMP_NUM_THREADS"));
    assertEquals("algo-1", env.get("SM_CURRENT_HOST"));
    assertEquals(List.of("algo-1"), JSON.readValue(env.get("SM_HOSTS"), List.class));
    assertEquals("job-1", env.get("TRAINING_JOB_NAME"));
    assertEquals("mine", env.get("MY_VAR"));
    Map<String, Object> training = JSON.readValue(env.get("SM_TRAINING_ENV"),
        new TypeReference<Map<String, Object>>() { });
    assertEquals(hps, training.get("hyperparameters"));
    assertEquals(Map.of("train", env.get("SM_CHANNEL_TRAIN"),
        "validation", env.get("SM_CHANNEL_VALIDATION")), training.get("channel_input_dirs"));
    assertEquals(env.get("SM_MODEL_DIR"), training.get("model_dir"));
    assertEquals(env.get("SM_OUTPUT_DIR"), training.get("output_dir"));
    // the files the environment points at are really there
    assertEquals(hps, JSON.readValue(jobDir.resolve("input/config/hyperparameters.json").toFile(), Map.class));
    // channels are read-only copies, never links to the user's files (see ChannelIsolationTest)
    Path channelFile = jobDir.resolve("input/data/train/train.csv");
    assertTrue(Files.isRegularFile(channelFile, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals(Files.readString(trainCsv), Files.readString(channelFile));
  }

  private static <T> T report(RecordingListener listener, String key, TypeReference<T> type)
      throws IOException {
    String json = listener.after("REPORT " + key + "=").orElseThrow(
        () -> new AssertionError("no REPORT " + key + " in " + listener.lines));
    return JSON.readValue(json, type);
  }

  @Test
  void aNonZeroExitFailsWithTheTextOfOutputFailure() {
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "./fail_with_file.sh"), LOSS)
        .train(request(Map.of()), new RecordingListener());
    assertEquals(Status.FAILED, out.status());
    assertEquals("Bad input: column 3 is not numeric", out.failureReason());
  }

  @Test
  void aNonZeroExitWithoutAFailureFileGivesTheExitCodeAndTheLastLines() {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "bash", "fail_plain.sh"), LOSS)
        .train(request(Map.of()), listener);
    assertEquals(Status.FAILED, out.status());
    String reason = out.failureReason();
    assertTrue(reason.startsWith("AlgorithmError: exit code 1; last lines: "), reason);
    for (int i = 4; i <= 8; i++) {
      assertTrue(reason.contains("line " + i), reason);
    }
    assertFalse(reason.contains("line 3"), reason);
    assertEquals(8, listener.lines.stream().filter(l -> l.startsWith("line ")).count());
  }

  @Test
  void aRunWithoutMetricsCompletesWithNoFinalMetricsAndNoModel() {
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "./no_metric.sh"), LOSS)
        .train(request(Map.of("eta", "0.1")), new RecordingListener());
    assertEquals(Status.COMPLETED, out.status());
    assertEquals(Map.of(), out.finalMetrics());
    assertNull(out.modelArtifact());
    assertEquals(0, out.roundsTrained());
    assertEquals(Optional.of("objective metric train:loss was not emitted"),
        ProcessTrainer.objectiveNotEmitted(out, "train:loss"));
  }

  @Test
  void aProgramThatDoesNotExistFailsNamingIt() {
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "no-such-program-tunelab", "x"), LOSS)
        .train(request(Map.of()), new RecordingListener());
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().contains("no-such-program-tunelab"), out.failureReason());
    assertTrue(out.failureReason().contains("No such file or directory"), out.failureReason());
  }

  @Test
  void aProgramThatIsNotExecutableFailsWithTheOsError() throws IOException {
    Path script = specDir.resolve("not_executable.sh");
    Files.writeString(script, "#!/usr/bin/env bash\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "./not_executable.sh"), LOSS)
        .train(request(Map.of()), new RecordingListener());
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().contains("not_executable.sh"), out.failureReason());
    assertTrue(out.failureReason().contains("Permission denied"), out.failureReason());
  }

  @Test
  void aBareNameOfAScriptInTheSpecFolderFailsWithAHint() {
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "no_metric.sh"), LOSS)
        .train(request(Map.of()), new RecordingListener());
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().contains("./no_metric.sh"), out.failureReason());
  }

  @Test
  void aMissingChannelFileFailsBeforeStarting() {
    TrainingRequest r = new TrainingRequest("job-1", Map.of(), Map.of(),
        Map.of("train", List.of(work.resolve("nope.csv"))), work.resolve("jobs/job-1"),
        Duration.ofSeconds(10), 1, null);
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "./no_metric.sh"), LOSS)
        .train(r, new RecordingListener());
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().contains("nope.csv"), out.failureReason());
  }

  @Test
  void exceedingMaxRuntimeStopsTheWholeProcessTreeQuickly() {
    RecordingListener listener = new RecordingListener();
    long t0 = System.nanoTime();
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "./sleep.sh"), LOSS)
        .train(request(Map.of(), Duration.ofMillis(700), null), listener);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(Status.STOPPED, out.status());
    assertTrue(out.failureReason().startsWith("MaxRuntimeExceeded"), out.failureReason());
    assertTrue(seconds < 4.0, "took " + seconds + " s");
    assertNoneRunning(listener);
  }

  @Test
  void aStopRequestStopsTheJob() {
    RecordingListener listener = new RecordingListener();
    long t0 = System.nanoTime();
    BooleanSupplier stop = () -> System.nanoTime() - t0 > 400_000_000L;
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "./sleep.sh"), LOSS)
        .train(request(Map.of(), Duration.ofSeconds(60), stop), listener);
    assertEquals(Status.STOPPED, out.status());
    assertTrue(out.failureReason().startsWith("StopRequested"), out.failureReason());
    assertTrue((System.nanoTime() - t0) / 1e9 < 4.0);
    assertNoneRunning(listener);
  }

  @Test
  void aListenerReturningFalseStopsTheJobWithTheLastValues() {
    RecordingListener listener = new RecordingListener(
        m -> m.name().equals("train:loss") && m.iteration() == 2);
    long t0 = System.nanoTime();
    TrainingOutcome out = trainer(python(List.of()), LOSS)
        .train(request(Map.of("epochs", "60", "lr", "1", "delay", "0.1")), listener);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(Status.STOPPED, out.status());
    assertTrue(out.failureReason().startsWith("EarlyStopping"), out.failureReason());
    assertEquals(0.125, out.finalMetrics().get("train:loss"));
    assertEquals(3, listener.metrics("train:loss").size());
    assertEquals(3, out.roundsTrained());
    assertTrue(seconds < 4.0, "took " + seconds + " s");
    assertNull(out.modelArtifact(), "stopped before writing its model");
  }

  @Test
  void interruptingTheTrainingThreadStopsTheJobAndKeepsTheInterruptFlag() throws Exception {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome[] out = new TrainingOutcome[1];
    boolean[] flag = new boolean[1];
    Thread t = new Thread(() -> {
      out[0] = trainer(ProcessCommand.of(specDir, "./sleep.sh"), LOSS)
          .train(request(Map.of()), listener);
      flag[0] = Thread.currentThread().isInterrupted();
    });
    t.start();
    assertTrue(eventually(() -> listener.after("pids ").isPresent(), 3000));
    t.interrupt();
    t.join(4000);
    assertFalse(t.isAlive());
    assertEquals(Status.STOPPED, out[0].status());
    assertTrue(out[0].failureReason().startsWith("Interrupted"), out[0].failureReason());
    assertTrue(flag[0], "the interrupt flag is restored");
    assertNoneRunning(listener);
  }

  @Test
  void backgroundChildrenLeftByAFinishedProgramAreKilled() {
    RecordingListener listener = new RecordingListener();
    long t0 = System.nanoTime();
    TrainingOutcome out = trainer(ProcessCommand.of(specDir, "./background.sh"), LOSS)
        .train(request(Map.of()), listener);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    assertEquals(Map.of("train:loss", 0.25), out.finalMetrics());
    assertTrue(seconds < 5.0, "took " + seconds + " s");
    assertNoneRunning(listener);
  }

  private static void assertNoneRunning(RecordingListener listener) {
    String line = listener.after("pids ").orElseThrow(() -> new AssertionError(listener.lines));
    Matcher m = Pattern.compile("shell=(\\d+) background=(\\d+)").matcher(line);
    assertTrue(m.matches(), line);
    for (int g = 1; g <= 2; g++) {
      long pid = Long.parseLong(m.group(g));
      // Not ProcessHandle.isAlive alone: a killed orphan stays a zombie until PID 1 reaps it
      // (seconds, in some containers), and isAlive counts zombies as alive.
      assertTrue(eventually(() -> !ProcessHandle.of(pid).map(ProcessTree::running).orElse(false)),
          "pid " + pid + " still runs");
    }
  }

  private static boolean eventually(BooleanSupplier condition) {
    return eventually(condition, 500);
  }

  private static boolean eventually(BooleanSupplier condition, long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
