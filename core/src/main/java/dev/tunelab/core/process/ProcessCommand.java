package dev.tunelab.core.process;

import dev.tunelab.core.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The program a {@link ProcessTrainer} runs for each training job, taken from a spec's
 * {@code AlgorithmSpecification}.
 *
 * @param entrypoint       {@code ContainerEntrypoint}: the program and its first arguments, for
 *                         example {@code ["python3", "train.py"]}; a first element containing a
 *                         {@code /} that is not absolute (such as {@code ./train.sh}) is resolved
 *                         against {@code workingDirectory}, a bare name is looked up on the PATH
 * @param arguments        {@code ContainerArguments}, appended after the entry point (may be empty)
 * @param workingDirectory the folder the program runs in: the spec's folder, so relative paths
 *                         in the spec work as they read
 * @param environment      extra environment variables (the spec's {@code Environment}); the
 *                         {@code SM_*} variables of the container contract take precedence
 * @throws SpecException naming {@code AlgorithmSpecification.ContainerEntrypoint} when the entry
 *     point is empty or its first element blank
 */
public record ProcessCommand(
    List<String> entrypoint,
    List<String> arguments,
    Path workingDirectory,
    Map<String, String> environment) {

  public ProcessCommand {
    Objects.requireNonNull(entrypoint, "entrypoint");
    if (entrypoint.isEmpty() || entrypoint.stream().anyMatch(Objects::isNull)
        || entrypoint.get(0).isBlank()) {
      throw new SpecException("AlgorithmSpecification.ContainerEntrypoint", entrypoint,
          "a non-empty list of strings whose first element names a program");
    }
    entrypoint = List.copyOf(entrypoint);
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  /** A command with no extra arguments or environment. */
  public static ProcessCommand of(Path workingDirectory, String... entrypoint) {
    return new ProcessCommand(List.of(entrypoint), List.of(), workingDirectory, Map.of());
  }

  /**
   * The program to start: the first entry point element, resolved against the working
   * directory when it is a relative path (contains a {@code /}); a bare name is left for the
   * PATH lookup.
   */
  String resolvedProgram() {
    String program = entrypoint.get(0);
    if (program.contains("/") && !Path.of(program).isAbsolute()) {
      return workingDirectory.resolve(program).normalize().toString();
    }
    return program;
  }
}
