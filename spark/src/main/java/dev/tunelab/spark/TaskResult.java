package dev.tunelab.spark;

import dev.tunelab.core.train.TrainingOutcome;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a training task sends back when it ends: the {@link TrainingOutcome} and the files the job
 * wrote under {@code model/} and {@code output/} of its folder on the executor, which the driver
 * writes into the job's folder in the TuneLab home (so that the home need not be shared with the
 * executors).
 */
final class TaskResult implements Serializable {

  private static final long serialVersionUID = 1L;
  /** The folders of a job's {@code /opt/ml}-style layout that are its results. */
  static final List<String> RESULT_FOLDERS = List.of("model", "output");

  private final String status;
  private final LinkedHashMap<String, Double> finalMetrics;
  private final String modelArtifact;
  private final String failureReason;
  private final int bestIteration;
  private final int roundsTrained;
  private final String executor;
  private final long trainNanos;
  private final ArrayList<String> paths = new ArrayList<>();
  private final ArrayList<byte[]> contents = new ArrayList<>();

  private TaskResult(TrainingOutcome o, Path jobDir, String executor, long trainNanos) throws IOException {
    this.executor = executor;
    this.trainNanos = trainNanos;
    status = o.status().name();
    finalMetrics = new LinkedHashMap<>(o.finalMetrics());
    modelArtifact = o.modelArtifact() == null ? null
        : o.modelArtifact().startsWith(jobDir) ? jobDir.relativize(o.modelArtifact()).toString()
        : o.modelArtifact().toString();
    failureReason = o.failureReason();
    bestIteration = o.bestIteration();
    roundsTrained = o.roundsTrained();
    for (String folder : RESULT_FOLDERS) {
      Path dir = jobDir.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
          paths.add(jobDir.relativize(f).toString());
          contents.add(Files.readAllBytes(f));
        }
      }
    }
  }

  /**
   * The outcome and the job folder's result files, read from {@code jobDir} on the executor.
   *
   * @param executor   where it ran, in words (Spark's executor id and host)
   * @param trainNanos how long the trainer took there
   */
  static TaskResult of(TrainingOutcome outcome, Path jobDir, String executor, long trainNanos) {
    try {
      return new TaskResult(outcome, jobDir, executor, trainNanos);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the results of the job in " + jobDir, e);
    }
  }

  /** Where the task ran: Spark's executor id and host. */
  String executor() {
    return executor;
  }

  /** Seconds the trainer took on the executor. */
  double trainSeconds() {
    return trainNanos / 1e9;
  }

  /** Bytes of result files carried. */
  long fileBytes() {
    return contents.stream().mapToLong(b -> b.length).sum();
  }

  /**
   * Writes the result files into the job's folder on the driver and gives the outcome with the
   * model's path there.
   */
  TrainingOutcome unpack(Path jobDir) {
    try {
      for (int i = 0; i < paths.size(); i++) {
        Path target = jobDir.resolve(paths.get(i)).normalize();
        if (!target.startsWith(jobDir)) {
          throw new IOException("result file " + paths.get(i) + " is outside the job folder");
        }
        Files.createDirectories(target.getParent());
        Files.write(target, contents.get(i));
      }
    } catch (IOException e) {
      return TrainingOutcome.failed("InternalError: cannot write the job's results into " + jobDir + ": " + e.getMessage());
    }
    Path model = modelArtifact == null ? null
        : Path.of(modelArtifact).isAbsolute() ? Path.of(modelArtifact) : jobDir.resolve(modelArtifact);
    return new TrainingOutcome(TrainingOutcome.Status.valueOf(status), finalMetrics, model, failureReason,
        bestIteration, roundsTrained);
  }
}
