package dev.tunelab.core.data;

import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.datasets.BostonHousing;
import dev.tunelab.datasets.CourseSplit;
import dev.tunelab.datasets.CsvDatasetReader;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.SageMakerCsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a channel's {@code S3Uri} into local files and parsed data. Accepted forms:
 * <ul>
 *   <li>a path, absolute or relative to the spec's folder (a file, or a folder of CSV files);</li>
 *   <li>a {@code file:} URI ({@code file:///abs/train.csv}, or {@code file:rel/train.csv});</li>
 *   <li>{@code dataset:boston/train}, {@code /validation}, {@code /test}: the bundled Boston split
 *       with seed {@value BostonHousing#DEFAULT_SPLIT_SEED}, or {@code dataset:boston/train?seed=7};</li>
 *   <li>{@code s3://bucket/key}, read from {@code $TUNELAB_HOME/s3/bucket/key}.</li>
 * </ul>
 *
 * <p>An {@code s3://} location never leaves {@code $TUNELAB_HOME/s3}: a key with a {@code .} or
 * {@code ..} segment is refused, and so is a file or folder there that is (or holds) a symbolic
 * link resolving outside it, so a spec cannot read {@code s3://bucket/../../.ssh/id_rsa}. Keys are
 * taken literally, as S3 takes them ({@code %2e%2e} is a folder of that name). Data elsewhere is
 * named by its path or a {@code file:} URI.
 */
public final class ChannelResolver {

  private static final Pattern DATASET = Pattern.compile("dataset:boston/(train|validation|test)(?:\\?seed=(\\d{1,18}))?");

  private static final String S3_ACCEPTED =
      "s3://bucket/key naming a file or folder inside $TUNELAB_HOME/s3";

  private final Path home;

  /** @param home TuneLab home ({@code $TUNELAB_HOME}) */
  public ChannelResolver(Path home) {
    this.home = home;
  }

  /** The channel's files (one file, or the CSV files of a folder). */
  public List<Path> files(ChannelSpec channel, Path baseDir) {
    String uri = channel.uri().trim();
    Matcher m = DATASET.matcher(uri);
    if (m.matches()) {
      long seed = m.group(2) == null ? BostonHousing.DEFAULT_SPLIT_SEED : Long.parseLong(m.group(2));
      return List.of(bundledFile(m.group(1), seed));
    }
    if (uri.startsWith("dataset:")) {
      throw new SpecException(channel.path(), uri,
          "dataset:boston/train, dataset:boston/validation or dataset:boston/test (optionally ?seed=N)");
    }
    Path p = localPath(channel, uri, baseDir);
    boolean s3 = uri.startsWith("s3://");
    if (s3) {
      requireInsideS3(channel, uri, p);
    }
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.list(p)) {
        List<Path> csvs = s.filter(f -> Files.isRegularFile(f)
            && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
        if (csvs.isEmpty()) {
          throw new SpecException(channel.path(), uri, "a CSV file or a folder holding .csv files (" + p + " has none)");
        }
        if (s3) {
          for (Path f : csvs) {
            requireInsideS3(channel, uri, f);
          }
        }
        return csvs;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!Files.isRegularFile(p)) {
      throw new SpecException(channel.path(), uri, "an existing file or folder (looked for " + p + ")");
    }
    return List.of(p);
  }

  /** Parses the channel as SageMaker training data: label first, header optional. */
  public Dataset labelled(ChannelSpec channel, Path baseDir) {
    String uri = channel.uri().trim();
    Matcher m = DATASET.matcher(uri);
    if (m.matches()) {
      long seed = m.group(2) == null ? BostonHousing.DEFAULT_SPLIT_SEED : Long.parseLong(m.group(2));
      CourseSplit split = BostonHousing.courseSplit(seed);
      return switch (m.group(1)) {
        case "train" -> split.train();
        case "validation" -> split.validation();
        default -> split.test();
      };
    }
    List<Path> files = files(channel, baseDir);
    if (files.size() == 1) {
      return CsvDatasetReader.readLabelFirst(files.get(0));
    }
    return CsvDatasetReader.readLabelFirst(files.get(0).getParent());
  }

  private Path localPath(ChannelSpec channel, String uri, Path baseDir) {
    if (uri.startsWith("s3://")) {
      String rest = uri.substring("s3://".length());
      if (rest.isEmpty() || rest.startsWith("/")) {
        throw new SpecException(channel.path(), uri, "s3://bucket/key");
      }
      for (String segment : rest.split("/", -1)) {
        if (segment.equals("..") || segment.equals(".")) {
          throw new SpecException(channel.path(), uri, S3_ACCEPTED + " ('" + segment
              + "' segments are not allowed: the key must stay inside " + s3Root() + ")");
        }
      }
      Path p = s3Root().resolve(rest).normalize();
      if (!p.startsWith(s3Root())) {
        throw new SpecException(channel.path(), uri, S3_ACCEPTED + " (it resolves to " + p
            + ", outside " + s3Root() + ")");
      }
      return p;
    }
    if (uri.startsWith("file:")) {
      try {
        URI u = URI.create(uri);
        if (u.isOpaque()) {
          return baseDir.resolve(u.getSchemeSpecificPart()).normalize();
        }
        return Path.of(u);
      } catch (IllegalArgumentException e) {
        throw new SpecException(channel.path(), uri, "a file: URI such as file:///data/train.csv (" + e.getMessage() + ")");
      }
    }
    if (uri.matches("[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      throw new SpecException(channel.path(), uri, "a local path, file:, dataset:boston/<part> or s3:// URI");
    }
    return baseDir.resolve(uri).normalize();
  }

  private Path s3Root() {
    return home.toAbsolutePath().normalize().resolve("s3");
  }

  /**
   * Refuses an existing {@code s3://} file or folder whose real path (symbolic links resolved)
   * is outside the real {@code $TUNELAB_HOME/s3}. A missing one is left to the caller's
   * "does not exist" message.
   */
  private void requireInsideS3(ChannelSpec channel, String uri, Path p) {
    if (!Files.exists(p)) {
      return;
    }
    Path real;
    Path root;
    try {
      real = p.toRealPath();
      root = s3Root().toRealPath();
    } catch (IOException e) {
      throw new SpecException(channel.path(), uri, S3_ACCEPTED + " (cannot resolve " + p + ": " + e.getMessage() + ")");
    }
    if (!real.startsWith(root)) {
      throw new SpecException(channel.path(), uri, S3_ACCEPTED + " (" + p + " is a symbolic link to "
          + real + ", outside " + root + "; name data elsewhere by its path or a file: URI)");
    }
  }

  /**
   * The bundled split's part as a SageMaker CSV under {@code $TUNELAB_HOME/datasets}, written
   * once (atomically) and reused.
   */
  private Path bundledFile(String part, long seed) {
    Path dir = home.resolve("datasets").resolve("boston-seed-" + seed);
    Path file = dir.resolve(part + ".csv");
    if (!Files.isRegularFile(file)) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      CourseSplit split = BostonHousing.courseSplit(seed);
      SageMakerCsvWriter.writeCourseSplit(split, dir);
    }
    return file;
  }
}
