package dev.tunelab.core.spec;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/** Parses and validates a CreateTrainingJob request body into a {@link TrainingJobSpec}. */
public final class TrainingJobSpecParser {

  private static final Set<String> FIELDS = Set.of("TrainingJobName", "AlgorithmSpecification",
      "HyperParameters", "InputDataConfig", "OutputDataConfig", "ResourceConfig", "StoppingCondition",
      "Environment");
  private static final Set<String> AWS_ONLY = Set.of("RoleArn", "VpcConfig", "Tags",
      "EnableNetworkIsolation", "EnableInterContainerTrafficEncryption", "EnableManagedSpotTraining",
      "CheckpointConfig", "DebugHookConfig", "DebugRuleConfigurations", "TensorBoardOutputConfig",
      "ExperimentConfig", "ProfilerConfig", "ProfilerRuleConfigurations", "RetryStrategy",
      "RemoteDebugConfig", "InfraCheckConfig", "SessionChainingConfig");

  private TrainingJobSpecParser() { }

  /** Reads and validates a spec file; relative channel paths resolve against its folder. */
  public static TrainingJobSpec parse(Path file, Consumer<String> notices) {
    JsonSpecReader r = JsonSpecReader.read(file, notices);
    Path base = file.toAbsolutePath().getParent();
    return parse(r, base);
  }

  /** Validates an already-read spec. */
  public static TrainingJobSpec parse(JsonSpecReader r, Path baseDir) {
    r.refuseOtherKind("CreateTrainingJob", java.util.List.of("TrainingJobName", "AlgorithmSpecification", "HyperParameters"),
        "CreateHyperParameterTuningJob", java.util.List.of("HyperParameterTuningJobName", "HyperParameterTuningJobConfig",
            "TrainingJobDefinition"), "tune");
    r.checkFields(FIELDS, AWS_ONLY);
    String name = TrainingSpecParts.trainingJobName(r, "TrainingJobName");
    AlgorithmSpec algorithm = TrainingSpecParts.algorithm(r.object("AlgorithmSpecification"));
    var hps = r.stringMap("HyperParameters", 100);
    hps.keySet().forEach(k -> HyperParameterNames.check(r.at("HyperParameters") + "." + k, k));
    hps.keySet().forEach(k -> HyperParameterNames.checkKnown(r.at("HyperParameters") + "." + k, k, algorithm.contract()));
    var channels = TrainingSpecParts.channels(r);
    String output = TrainingSpecParts.outputPath(r);
    var resources = TrainingSpecParts.resources(r, "ResourceConfig");
    var maxRuntime = TrainingSpecParts.maxRuntime(r);
    var env = TrainingSpecParts.environment(r);
    return new TrainingJobSpec(name, algorithm, hps, channels, output, resources, maxRuntime, env,
        baseDir, r.copy());
  }
}
