package dev.tunelab.spark;

import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.datasets.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One training job as a Spark task: on the executor it rebuilds the job's spec and trainer,
 * gets the channels (broadcast by the driver, or read from a path every executor sees), trains
 * in a folder of its own, and returns the outcome with the model files. Log lines and metrics go
 * to the driver as they come ({@link RelayClient}); the job stops when the driver asks or the
 * task is killed.
 */
final class TrainingTask implements Function<Integer, TaskResult> {

  private static final long serialVersionUID = 1L;

  private final TaskSpec spec;
  private final String jobName;
  private final LinkedHashMap<String, String> hyperParameters;
  private final HashMap<String, Broadcast<DatasetWire>> broadcastChannels;
  private final ArrayList<String> channelsToRead;
  private final HashMap<String, ArrayList<String>> channelFiles = new HashMap<>();
  private final long maxRuntimeSeconds;
  private final int threads;
  private final String relayHost;
  private final int relayPort;
  private final String token;

  TrainingTask(TaskSpec spec, TrainingRequest request, Map<String, Broadcast<DatasetWire>> broadcastChannels,
      List<String> channelsToRead, String relayHost, int relayPort, String token) {
    this.spec = spec;
    this.jobName = request.jobName();
    this.hyperParameters = new LinkedHashMap<>(request.hyperParameters());
    this.broadcastChannels = new HashMap<>(broadcastChannels);
    this.channelsToRead = new ArrayList<>(channelsToRead);
    request.channelFiles().forEach((k, v) -> channelFiles.put(k,
        new ArrayList<>(v.stream().map(p -> p.toAbsolutePath().toString()).toList())));
    this.maxRuntimeSeconds = request.maxRuntime().getSeconds();
    this.threads = request.threads();
    this.relayHost = relayHost;
    this.relayPort = relayPort;
    this.token = token;
  }

  @Override
  public TaskResult call(Integer ignored) throws IOException {
    TaskContext task = TaskContext.get();
    TrainingJobSpec jobSpec = spec.toSpec();
    Trainer trainer = jobSpec.algorithm().contract().createTrainer(jobSpec);
    Path jobDir = ExecutorFolders.jobDir(jobName, task == null ? 0 : task.taskAttemptId());
    try (RelayClient relay = RelayClient.connect(relayHost, relayPort, token)) {
      Map<String, Dataset> channels = new HashMap<>();
      broadcastChannels.forEach((name, b) -> channels.put(name, b.value().toDataset()));
      for (String name : channelsToRead) {
        ChannelSpec c = jobSpec.channel(name).orElseThrow();
        channels.put(name, ExecutorFolders.read(c, jobSpec.baseDir()));
      }
      Map<String, List<Path>> files = new HashMap<>();
      channelFiles.forEach((k, v) -> files.put(k, v.stream().map(Path::of).toList()));
      BooleanSupplier stop = () -> relay.stopRequested() || (task != null && task.isInterrupted());
      long start = System.nanoTime();
      TrainingOutcome outcome = trainer.train(new TrainingRequest(jobName, hyperParameters, channels, files, jobDir,
          Duration.ofSeconds(maxRuntimeSeconds), threads, stop), relay);
      long trained = System.nanoTime() - start;
      SparkEnv env = SparkEnv.get();
      String where = env == null ? "unknown" : env.executorId() + " on " + env.blockManager().blockManagerId().host();
      return TaskResult.of(outcome, jobDir, where, trained);
    } finally {
      deleteRecursively(jobDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the task's folder " + dir, e);
    }
  }
}
