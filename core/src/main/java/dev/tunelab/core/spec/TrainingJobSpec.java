package dev.tunelab.core.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated CreateTrainingJob request.
 *
 * @param name            TrainingJobName (1–63 characters of {@code a-zA-Z0-9-})
 * @param algorithm       the algorithm
 * @param hyperParameters HyperParameters, all values strings, in the order given (the request's
 *                        order; a tuning job's: static ones, then the tuned ones in range order)
 * @param channels        InputDataConfig
 * @param outputPath      OutputDataConfig.S3OutputPath, or {@code null}
 * @param resources       ResourceConfig
 * @param maxRuntime      StoppingCondition.MaxRuntimeInSeconds
 * @param environment     Environment variables for bring-your-own jobs
 * @param baseDir         folder of the spec file; relative channel paths resolve against it
 * @param json            the request as given, echoed in describe responses
 */
public record TrainingJobSpec(
    String name,
    AlgorithmSpec algorithm,
    Map<String, String> hyperParameters,
    List<ChannelSpec> channels,
    String outputPath,
    ResourceSpec resources,
    Duration maxRuntime,
    Map<String, String> environment,
    Path baseDir,
    ObjectNode json) {

  public TrainingJobSpec {
    hyperParameters = OrderedMaps.copyOf(hyperParameters);
    channels = List.copyOf(channels);
    environment = OrderedMaps.copyOf(environment);
  }

  /** The channel with this name, if any. */
  public Optional<ChannelSpec> channel(String channelName) {
    return channels.stream().filter(c -> c.name().equals(channelName)).findFirst();
  }
}
