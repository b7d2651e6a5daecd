package dev.tunelab.core.io;

import dev.tunelab.core.spec.SpecException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file the user named on the command line for TuneLab to write ({@code transform --output},
 * {@code analytics --csv}, {@code report --out}, each file of {@code datasets --out}).
 *
 * <p>{@link #of} checks it before any work is done and refuses, as bad input naming the option
 * ({@link SpecException}, exit 2), a folder, a path under a file, a folder that cannot be
 * written, a read-only file and, with {@link #notSameAs}, a file that is one of the command's
 * inputs (the same file by {@link Files#isSameFile}: by name, through a symbolic link or a hard
 * link).
 *
 * <p>{@link #write} then writes it:
 * <ul>
 *   <li>a missing or regular file: to a hidden temporary file in the same folder
 *       ({@code .NAME.RANDOM.tmp}, with the permissions of the file it replaces, else the umask's),
 *       synced and renamed over it, so the file is whole or as it was; a symbolic link is
 *       kept and the file it points to is replaced;</li>
 *   <li>anything else that exists (a character device such as {@code /dev/null}, a FIFO): opened
 *       and written where it is, never renamed over, as a shell redirect would.</li>
 * </ul>
 * A write error is an {@link OutputWriteException} ({@code cannot write PATH: REASON}, exit 1)
 * and leaves no temporary file behind.
 */
public final class OutputFile {

  /** What the user's data is written with: bytes to a stream the writer may not close early. */
  @FunctionalInterface
  public interface Body {
    /** Writes the whole content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Text content, written as UTF-8. */
  @FunctionalInterface
  public interface TextBody {
    /** Writes the whole content to {@code out}. */
    void writeTo(Writer out) throws IOException;
  }

  private final String option;
  private final Path path;
  private final Path absolute;
  private final boolean inPlace;

  private OutputFile(String option, Path path, Path absolute, boolean inPlace) {
    this.option = option;
    this.path = path;
    this.absolute = absolute;
    this.inPlace = inPlace;
  }

  /**
   * Checks {@code path} as the file to write for {@code option}.
   *
   * @param option the command-line option that named it, for messages ({@code --output})
   * @param path   the file as given
   * @throws SpecException when it cannot be written (see the class comment)
   */
  public static OutputFile of(String option, Path path) {
    Objects.requireNonNull(option, "option");
    if (path == null) {
      throw new SpecException(option, null, "a file name");
    }
    if (path.toString().isEmpty()) {
      throw new SpecException(option, "", "a file name");
    }
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new SpecException(option, path, "a file name (it is a folder)");
    }
    if (Files.exists(absolute)) {
      if (!Files.isWritable(absolute)) {
        throw new SpecException(option, path, "a file TuneLab can write (it is not writable)");
      }
      if (Files.isRegularFile(absolute)) {
        Path dir = realTarget(absolute).getParent();
        if (!Files.isWritable(dir)) {
          throw new SpecException(option, path, "a file in a folder TuneLab can write (" + dir
              + " is not writable: the file is replaced through a temporary file there)");
        }
        return new OutputFile(option, path, absolute, false);
      }
      return new OutputFile(option, path, absolute, true);
    }
    if (Files.isSymbolicLink(absolute)) {
      throw new SpecException(option, path, "a file name (it is a symbolic link to a missing file)");
    }
    Path ancestor = absolute.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null) {
      throw new SpecException(option, path, "a path on an existing file system");
    }
    if (!Files.isDirectory(ancestor)) {
      throw new SpecException(option, path, "a path inside a folder (" + ancestor + " is not a folder)");
    }
    if (!Files.isWritable(ancestor)) {
      throw new SpecException(option, path, "a path in a folder TuneLab can write (" + ancestor
          + " is not writable)");
    }
    return new OutputFile(option, path, absolute, false);
  }

  /**
   * Refuses the output when it is the same file as {@code input} (by name, symbolic link or hard
   * link); a missing input, or {@code null}, never matches.
   *
   * @param inputName how the input is named in the message ({@code --input})
   * @return this, for chaining
   * @throws SpecException naming this output's option
   */
  public OutputFile notSameAs(String inputName, Path input) {
    if (input == null || !Files.exists(absolute) || !Files.exists(input)) {
      return this;
    }
    boolean same;
    try {
      same = Files.isSameFile(absolute, input);
    } catch (IOException e) {
      same = false;
    }
    if (same) {
      throw new SpecException(option, path, "a file other than " + inputName + " (it is the same file as "
          + input + "; writing it would destroy what it is read from)");
    }
    return this;
  }

  /** The file as the user named it. */
  public Path path() {
    return path;
  }

  /** Whether it is written where it is (a device or FIFO) rather than replaced through a rename. */
  public boolean inPlace() {
    return inPlace;
  }

  /**
   * Writes the text as UTF-8 (see {@link #write(Body)}).
   *
   * @throws OutputWriteException when writing fails
   */
  public void writeText(TextBody body) {
    write(out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      body.writeTo(w);
      w.flush();
    });
  }

  /**
   * Writes the content: a regular or missing file through a temporary file and a rename, a
   * device or FIFO in place. A {@link RuntimeException} from {@code body} is passed on after
   * the temporary file is removed.
   *
   * @throws OutputWriteException when writing fails (disk full, file too large, refused by a
   *     device); a regular file then keeps its previous content
   */
  public void write(Body body) {
    Objects.requireNonNull(body, "body");
    if (inPlace) {
      writeInPlace(body);
    } else {
      replace(body);
    }
  }

  private void writeInPlace(Body body) {
    try (OutputStream raw = Files.newOutputStream(absolute, StandardOpenOption.WRITE);
        OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
      body.writeTo(unclosable(out));
      out.flush();
    } catch (IOException e) {
      throw new OutputWriteException(path, e);
    }
  }

  private void replace(Body body) {
    Path target = realTarget(absolute);
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      String name = target.getFileName().toString();
      if (name.length() > 100) {
        name = name.substring(0, 100);
      }
      // not Files.createTempFile: its 0600 would make the result unreadable to others, where a
      // shell redirect gives the umask's permissions
      tmp = Files.createFile(dir.resolve("." + name + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp"));
      copyPermissions(target, tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        body.writeTo(unclosable(out));
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new OutputWriteException(path, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more can be done; the name says what it was for
        }
      }
    }
  }

  /** The file a link points to (so the link is kept), else the path itself. */
  private static Path realTarget(Path absolute) {
    if (Files.isSymbolicLink(absolute)) {
      try {
        return absolute.toRealPath();
      } catch (IOException e) {
        return absolute;
      }
    }
    return absolute;
  }

  private static void copyPermissions(Path from, Path to) {
    PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (src == null || dst == null || !Files.isRegularFile(from)) {
      return;
    }
    try {
      dst.setPermissions(src.readAttributes().permissions());
    } catch (IOException | UnsupportedOperationException e) {
      // the umask's permissions remain: still a readable result
    }
  }

  /** A stream whose close only flushes: a writer (tablesaw's, say) may close what it is given. */
  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }
}
