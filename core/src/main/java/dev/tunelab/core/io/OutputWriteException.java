package dev.tunelab.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Writing a user-named output file failed after its checks passed: a full disk, a file-size
 * limit, a device that refuses data. The message is {@code cannot write PATH: REASON}, where
 * REASON is the operating system's words ({@code No space left on device},
 * {@code File too large}); the CLI prints it and exits 1. Nothing is left behind: a temporary
 * file is removed and the previous content of a regular file is kept.
 */
public final class OutputWriteException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;
  private final transient Path path;

  /**
   * @param path  the file as the user named it
   * @param cause the error the write met
   */
  public OutputWriteException(Path path, IOException cause) {
    super("cannot write " + path + ": " + reason(cause), cause);
    this.path = path;
  }

  /** The file as the user named it. */
  public Path path() {
    return path;
  }

  /**
   * The system's words for an I/O error, without Java's class names: a
   * {@link FileSystemException}'s reason ({@code No space left on device}), else the message,
   * else the kind of error.
   */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException fse) {
      if (fse.getReason() != null) {
        return fse.getReason();
      }
      String kind = e.getClass().getSimpleName().replace("Exception", "");
      return switch (kind) {
        case "AccessDenied" -> "Permission denied";
        case "NoSuchFile" -> "No such file or directory";
        case "FileAlreadyExists" -> "File exists";
        case "DirectoryNotEmpty" -> "Directory not empty";
        case "NotDirectory" -> "Not a directory";
        default -> kind.isEmpty() ? "I/O error" : kind;
      };
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
