package dev.tunelab.core.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * The folders and files a job leaves under the TuneLab home, and their removal: a training job's
 * folder {@code home/jobs/<name>/} and a background tuning job's log
 * {@code home/tuning-jobs/<name>.log}.
 *
 * <p>Removal never reaches outside the home: a name that is not a plain job name (empty, with a
 * path separator, {@code .} or {@code ..}) is refused, the folder must be a direct child of
 * {@code home/jobs}, and symbolic links are removed as links, never followed (a link inside a
 * job folder that points elsewhere loses the link only).
 */
public final class JobFolders {

  /** What a job name in a path may hold: SageMaker's name characters, plus '_' and '.' inside. */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private JobFolders() { }

  /** The log of a tuning job run in the background ({@code tune --no-wait}, create-hyper-parameter-tuning-job). */
  public static Path tuningJobLog(Path home, String tuningJobName) {
    return home.resolve("tuning-jobs").resolve(checkedName(tuningJobName) + ".log");
  }

  /** The log of a training job run in the background (create-training-job). */
  public static Path trainingJobLog(Path home, String trainingJobName) {
    return home.resolve("training-jobs").resolve(checkedName(trainingJobName) + ".log");
  }

  /**
   * Removes a training job's folder {@code home/jobs/<name>} and everything in it; nothing when
   * it does not exist.
   *
   * @throws IllegalArgumentException for a name that could reach outside {@code home/jobs}
   * @throws UncheckedIOException     when something could not be removed (the message names it)
   */
  public static void deleteTrainingJobFolder(Path home, String trainingJobName) {
    Path jobs = home.resolve("jobs").normalize();
    Path dir = TuneLabHome.jobDir(home, checkedName(trainingJobName)).normalize();
    if (!jobs.equals(dir.getParent())) {
      throw new IllegalArgumentException("training job folder " + dir + " is not inside " + jobs);
    }
    deleteTree(dir);
  }

  /** Removes a tuning job's background log, if any (a link is removed as a link). */
  public static void deleteTuningJobLog(Path home, String tuningJobName) {
    deleteTree(tuningJobLog(home, tuningJobName));
  }

  /** Removes a lone training job's background log, if any (a link is removed as a link). */
  public static void deleteTrainingJobLog(Path home, String trainingJobName) {
    deleteTree(trainingJobLog(home, trainingJobName));
  }

  private static String checkedName(String name) {
    if (name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
      throw new IllegalArgumentException("'" + name + "' is not a job name that can name a folder"
          + " (1 to 128 of A-Z, a-z, 0-9, '-', '_', '.', no '..')");
    }
    return name;
  }

  /** Removes a file, a link or a folder tree, following no link. */
  private static void deleteTree(Path p) {
    try {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(p);
        return;
      }
      // walkFileTree follows no link by default: a link is visited as a file and removed as one
      Files.walkFileTree(p, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + p + ": " + e, e);
    }
  }
}
