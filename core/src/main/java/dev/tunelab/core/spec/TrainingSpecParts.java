package dev.tunelab.core.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parsers for the parts that CreateTrainingJob and a tuning job's TrainingJobDefinition share:
 * AlgorithmSpecification, InputDataConfig, OutputDataConfig, ResourceConfig, StoppingCondition.
 */
public final class TrainingSpecParts {

  /** SageMaker's training job name rule. */
  public static final Pattern TRAINING_JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

  private TrainingSpecParts() { }

  /** Checks a TrainingJobName. */
  public static String trainingJobName(JsonSpecReader r, String field) {
    String name = r.string(field);
    if (!TRAINING_JOB_NAME.matcher(name).matches()) {
      throw new SpecException(r.path().isEmpty() ? field : r.path() + "." + field, name,
          "1 to 63 characters of a-z, A-Z, 0-9 and '-', starting and ending with a letter or digit");
    }
    return name;
  }

  /** AlgorithmSpecification. */
  public static AlgorithmSpec algorithm(JsonSpecReader r) {
    r.checkFields(Set.of("TrainingImage", "AlgorithmName", "TrainingInputMode", "MetricDefinitions",
            "ContainerEntrypoint", "ContainerArguments", "EnableSageMakerMetricsTimeSeries"),
        Set.of("TrainingImageConfig"));
    String image = r.string("TrainingImage", null);
    String algorithmName = r.string("AlgorithmName", null);
    String mode = r.oneOf("TrainingInputMode", List.of("File", "Pipe", "FastFile"), "File");
    List<MetricDefinition> metrics = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonSpecReader m : r.objects("MetricDefinitions", 0, 40)) {
      m.checkFields(Set.of("Name", "Regex"), Set.of());
      String name = m.string("Name");
      String regex = m.string("Regex");
      if (name.isEmpty() || name.length() > 255) {
        throw new SpecException(m.path() + ".Name", name, "1 to 255 characters");
      }
      if (!names.add(name)) {
        throw new SpecException(m.path() + ".Name", name, "a name not used by another metric definition");
      }
      if (regex.isEmpty() || regex.length() > 500) {
        throw new SpecException(m.path() + ".Regex", regex, "1 to 500 characters");
      }
      try {
        metrics.add(new MetricDefinition(name, regex));
      } catch (IllegalArgumentException e) {
        throw new SpecException(m.path() + ".Regex", regex, "a valid regular expression with one capturing group ("
            + e.getMessage() + ")");
      }
    }
    MetricDefinition.validate(metrics);
    List<String> entrypoint = r.strings("ContainerEntrypoint", 100);
    List<String> arguments = r.strings("ContainerArguments", 100);
    if (!arguments.isEmpty() && entrypoint.isEmpty()) {
      throw new SpecException(r.path() + ".ContainerArguments", arguments,
          "no ContainerArguments without a ContainerEntrypoint");
    }
    AlgorithmSpec spec = new AlgorithmSpec(image, algorithmName, mode, metrics, entrypoint, arguments);
    if (AlgorithmProviders.find(spec).isEmpty()) {
      String given = image != null ? image : algorithmName;
      throw new SpecException(r.path() + (image != null || algorithmName == null ? ".TrainingImage" : ".AlgorithmName"), given,
          AlgorithmProviders.accepted());
    }
    return spec;
  }

  /**
   * InputDataConfig: absent (or null) is no channel, which a bring-your-own command may need;
   * present, 1 to 20 channels with unique names. The algorithm's contract says whether it needs
   * one (the built-in XGBoost requires {@code train}).
   */
  public static List<ChannelSpec> channels(JsonSpecReader parent) {
    List<ChannelSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (!parent.has("InputDataConfig")) {
      return out;
    }
    for (JsonSpecReader c : parent.objects("InputDataConfig", 1, 20)) {
      c.checkFields(Set.of("ChannelName", "DataSource", "ContentType", "CompressionType", "InputMode",
          "RecordWrapperType"), Set.of("ShuffleConfig"));
      String name = c.string("ChannelName");
      if (!name.matches("[A-Za-z0-9\\.\\-_]{1,64}")) {
        throw new SpecException(c.path() + ".ChannelName", name, "1 to 64 characters of A-Z, a-z, 0-9, '.', '-', '_'");
      }
      if (!names.add(name)) {
        throw new SpecException(c.path() + ".ChannelName", name, "a channel name used only once");
      }
      JsonSpecReader ds = c.object("DataSource");
      ds.checkFields(Set.of("S3DataSource", "FileSystemDataSource"), Set.of());
      if (!ds.has("S3DataSource")) {
        throw new SpecException(ds.path() + ".S3DataSource", null,
            "an S3DataSource (S3Uri may be a local path, file:, dataset:boston/... or s3://)");
      }
      JsonSpecReader s3 = ds.object("S3DataSource");
      s3.checkFields(Set.of("S3DataType", "S3Uri", "S3DataDistributionType"),
          Set.of("AttributeNames", "InstanceGroupNames"));
      s3.oneOf("S3DataType", List.of("S3Prefix", "ManifestFile", "AugmentedManifestFile"), "S3Prefix");
      s3.oneOf("S3DataDistributionType", List.of("FullyReplicated", "ShardedByS3Key"), "FullyReplicated");
      String uri = s3.string("S3Uri");
      if (uri.isBlank()) {
        throw new SpecException(s3.path() + ".S3Uri", uri, "a path, file: URI, dataset:boston/<part> or s3:// URI");
      }
      String contentType = c.string("ContentType", "text/csv");
      ContentType.parse(c.path() + ".ContentType", contentType);
      c.oneOf("CompressionType", List.of("None"), "None");
      c.oneOf("InputMode", List.of("File", "Pipe", "FastFile"), "File");
      c.oneOf("RecordWrapperType", List.of("None"), "None");
      out.add(new ChannelSpec(name, uri, contentType, s3.path() + ".S3Uri"));
    }
    return out;
  }

  /** OutputDataConfig.S3OutputPath, or {@code null} when OutputDataConfig is absent. */
  public static String outputPath(JsonSpecReader parent) {
    JsonSpecReader o = parent.optionalObject("OutputDataConfig");
    if (o == null) {
      return null;
    }
    o.checkFields(Set.of("S3OutputPath", "CompressionType"), Set.of("KmsKeyId"));
    return o.string("S3OutputPath");
  }

  /** ResourceConfig; defaults when absent. */
  public static ResourceSpec resources(JsonSpecReader parent, String field) {
    JsonSpecReader r = parent.optionalObject(field);
    if (r == null) {
      return ResourceSpec.DEFAULT;
    }
    r.checkFields(Set.of("InstanceType", "InstanceCount", "VolumeSizeInGB"),
        Set.of("VolumeKmsKeyId", "KeepAlivePeriodInSeconds", "InstanceGroups", "TrainingPlanArn",
            "AllocationStrategy", "InstanceConfigs"));
    String type = r.string("InstanceType", "local");
    int count = (int) r.integer("InstanceCount", 1, 100, 1);
    int volume = (int) r.integer("VolumeSizeInGB", 1, 16384, 30);
    return new ResourceSpec(type, count, volume);
  }

  /**
   * Environment: up to 48 variables whose names follow SageMaker's pattern (see
   * {@link HyperParameterNames#checkEnvironment}), values at most 512 characters.
   */
  public static java.util.Map<String, String> environment(JsonSpecReader parent) {
    var env = parent.stringMap("Environment", 48);
    String field = parent.at("Environment");
    env.forEach((k, v) -> {
      HyperParameterNames.checkEnvironment(field + "." + k, k);
      if (v.length() > 512) {
        throw new SpecException(field + "." + k, v.length() + " characters", "at most 512 characters");
      }
    });
    return env;
  }

  /** StoppingCondition.MaxRuntimeInSeconds; 86400 s (SageMaker's SDK default) when absent. */
  public static Duration maxRuntime(JsonSpecReader parent) {
    JsonSpecReader s = parent.optionalObject("StoppingCondition");
    if (s == null) {
      return Duration.ofSeconds(86400);
    }
    s.checkFields(Set.of("MaxRuntimeInSeconds", "MaxWaitTimeInSeconds", "MaxPendingTimeInSeconds"), Set.of());
    return Duration.ofSeconds(s.integer("MaxRuntimeInSeconds", 1, 2_419_200, 86400));
  }
}
