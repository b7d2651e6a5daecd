package dev.tunelab.core.io;

import dev.tunelab.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder the user named for TuneLab to write files into ({@code datasets --out}). {@link #of}
 * refuses, as bad input naming the option (exit 2), a path that is a file, one under a file and
 * one in a folder that cannot be written; {@link #file} gives each file to write as an
 * {@link OutputFile} checked the same way (a folder where a file should go is refused).
 */
public final class OutputFolder {

  private final String option;
  private final Path path;

  private OutputFolder(String option, Path path) {
    this.option = option;
    this.path = path;
  }

  /**
   * Checks {@code path} as a folder to write into; it is created by {@link #create}.
   *
   * @throws SpecException naming {@code option}
   */
  public static OutputFolder of(String option, Path path) {
    Objects.requireNonNull(option, "option");
    if (path == null || path.toString().isEmpty()) {
      throw new SpecException(option, path == null ? null : "", "a folder name");
    }
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      if (!Files.isDirectory(absolute)) {
        throw new SpecException(option, path, "a folder (it is a file)");
      }
      if (!Files.isWritable(absolute)) {
        throw new SpecException(option, path, "a folder TuneLab can write (it is not writable)");
      }
      return new OutputFolder(option, path);
    }
    Path ancestor = absolute.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null || !Files.isDirectory(ancestor)) {
      throw new SpecException(option, path, "a folder TuneLab can create (" + ancestor + " is not a folder)");
    }
    if (!Files.isWritable(ancestor)) {
      throw new SpecException(option, path, "a folder TuneLab can create (" + ancestor + " is not writable)");
    }
    return new OutputFolder(option, path);
  }

  /** The folder as the user named it. */
  public Path path() {
    return path;
  }

  /**
   * Creates the folder (and its parents) if it is missing.
   *
   * @throws OutputWriteException when that fails
   */
  public void create() {
    try {
      Files.createDirectories(path.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new OutputWriteException(path, e);
    }
  }

  /**
   * The file {@code name} in this folder, checked as an {@link OutputFile} under this folder's
   * option.
   *
   * @throws SpecException when it cannot be written (a folder of that name, say)
   */
  public OutputFile file(String name) {
    return OutputFile.of(option, path.resolve(name));
  }
}
