package dev.tunelab.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.spec.ResourceSpec;
import dev.tunelab.core.spec.TrainingJobSpec;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A {@link TrainingJobSpec} (the one its trainer was made for: a tuning job's training job
 * definition) in a form Spark can send to an executor (core's records hold a
 * {@link Path} and a Jackson tree, which Java serialization does not take), and back. Only what
 * builds the job's trainer travels: the algorithm, the hyperparameters, the channels' names and
 * where they are, the environment and the limits.
 */
final class TaskSpec implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String trainingImage;
  private final String algorithmName;
  private final String trainingInputMode;
  private final ArrayList<String[]> metricDefinitions = new ArrayList<>();
  private final ArrayList<String> entrypoint;
  private final ArrayList<String> arguments;
  private final LinkedHashMap<String, String> hyperParameters;
  private final ArrayList<String[]> channels = new ArrayList<>();
  private final String outputPath;
  private final String instanceType;
  private final int instanceCount;
  private final int volumeSizeInGb;
  private final long maxRuntimeSeconds;
  private final LinkedHashMap<String, String> environment;
  private final String baseDir;
  private final String json;

  private TaskSpec(TrainingJobSpec s) {
    AlgorithmSpec a = s.algorithm();
    name = s.name();
    trainingImage = a.trainingImage();
    algorithmName = a.algorithmName();
    trainingInputMode = a.trainingInputMode();
    a.metricDefinitions().forEach(m -> metricDefinitions.add(new String[] {m.name(), m.regex()}));
    entrypoint = new ArrayList<>(a.containerEntrypoint());
    arguments = new ArrayList<>(a.containerArguments());
    hyperParameters = new LinkedHashMap<>(s.hyperParameters());
    s.channels().forEach(c -> channels.add(new String[] {c.name(), c.uri(), c.contentType(), c.path()}));
    outputPath = s.outputPath();
    instanceType = s.resources().instanceType();
    instanceCount = s.resources().instanceCount();
    volumeSizeInGb = s.resources().volumeSizeInGb();
    maxRuntimeSeconds = s.maxRuntime().getSeconds();
    environment = new LinkedHashMap<>(s.environment());
    baseDir = s.baseDir() == null ? null : s.baseDir().toString();
    json = s.json().toString();
  }

  /** The spec as it travels. */
  static TaskSpec of(TrainingJobSpec spec) {
    return new TaskSpec(spec);
  }

  /** The spec again, on the executor. */
  TrainingJobSpec toSpec() {
    List<MetricDefinition> metrics = metricDefinitions.stream().map(m -> new MetricDefinition(m[0], m[1])).toList();
    AlgorithmSpec algorithm = new AlgorithmSpec(trainingImage, algorithmName, trainingInputMode, metrics, entrypoint,
        arguments);
    List<ChannelSpec> channelSpecs = channels.stream().map(c -> new ChannelSpec(c[0], c[1], c[2], c[3])).toList();
    ObjectNode tree;
    try {
      tree = (ObjectNode) JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("the training job's spec did not survive the trip to the executor", e);
    }
    return new TrainingJobSpec(name, algorithm, new LinkedHashMap<>(hyperParameters), channelSpecs, outputPath,
        new ResourceSpec(instanceType, instanceCount, volumeSizeInGb), Duration.ofSeconds(maxRuntimeSeconds),
        new LinkedHashMap<>(environment), baseDir == null ? null : Path.of(baseDir), tree);
  }
}
