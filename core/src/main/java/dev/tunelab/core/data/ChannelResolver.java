package dev.tunelab.core.data;

import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.ContentType;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.datasets.BostonHousing;
import dev.tunelab.datasets.CourseSplit;
import dev.tunelab.datasets.CsvDatasetReader;
import dev.tunelab.datasets.DataFormatException;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.LibSvmReader;
import dev.tunelab.datasets.ParquetDatasetReader;
import dev.tunelab.datasets.SageMakerCsvWriter;
import dev.tunelab.datasets.UndeclaredHeaderException;
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
 *   <li>a path, absolute or relative to the spec's folder (a file, or a folder of data files in
 *       the channel's ContentType, see {@link #files});</li>
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

  /**
   * The channel's files: one file, or the data files of a folder. A folder's data files are, for
   * CSV, its {@code *.csv} files; for libsvm and Parquet, every regular file whose name does not
   * start with {@code .} or {@code _} (SageMaker's rule, which skips Spark's {@code _SUCCESS} and
   * {@code .crc} files). Hidden files are never read; sub-folders are not descended into.
   */
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
      ContentType.Format format = channel.format().format();
      try (Stream<Path> s = Files.list(p)) {
        List<Path> found = s.filter(f -> Files.isRegularFile(f) && isDataFile(format, f.getFileName().toString()))
            .sorted().toList();
        if (found.isEmpty()) {
          throw new SpecException(channel.path(), uri, format == ContentType.Format.CSV
              ? "a CSV file or a folder holding .csv files (" + p + " has none)"
              : "a " + formatName(format) + " file or a folder holding some (" + p
                  + " has no regular file whose name does not start with '.' or '_')");
        }
        if (s3) {
          for (Path f : found) {
            requireInsideS3(channel, uri, f);
          }
        }
        return found;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!Files.isRegularFile(p)) {
      throw new SpecException(channel.path(), uri, "an existing file or folder (looked for " + p + ")");
    }
    return List.of(p);
  }

  /**
   * Parses the channel as SageMaker training data, label first, in the format its ContentType
   * names: CSV (a header only with {@code header=present}), libsvm or Parquet.
   */
  public Dataset labelled(ChannelSpec channel, Path baseDir) {
    String uri = channel.uri().trim();
    ContentType type = channel.format();
    Matcher m = DATASET.matcher(uri);
    if (m.matches()) {
      if (type.format() != ContentType.Format.CSV) {
        throw new SpecException(channel.contentTypeField(), channel.contentType(),
            "text/csv or csv: " + uri + " is the bundled data set, which is CSV");
      }
      long seed = m.group(2) == null ? BostonHousing.DEFAULT_SPLIT_SEED : Long.parseLong(m.group(2));
      CourseSplit split = BostonHousing.courseSplit(seed);
      return switch (m.group(1)) {
        case "train" -> split.train();
        case "validation" -> split.validation();
        default -> split.test();
      };
    }
    List<Path> files = files(channel, baseDir);
    Path source = files.size() == 1 && !Files.isDirectory(localPath(channel, uri, baseDir))
        ? files.get(0) : files.get(0).getParent();
    return switch (type.format()) {
      case CSV -> readCsv(channel, source, type.headerPresent());
      case LIBSVM -> LibSvmReader.read(files, source);
      case PARQUET -> ParquetDatasetReader.read(files, source);
    };
  }

  /**
   * CSV, label first. Without {@code header=present} the reader refuses a first line with a cell
   * that is not a number, and the refusal here names the spec's ContentType field; with it,
   * {@link CsvDatasetReader#readLabelFirst(Path, boolean)} takes line 1 of every file as the
   * header, even an all-numeric one such as pandas' {@code 0,1,2}.
   */
  private static Dataset readCsv(ChannelSpec channel, Path source, boolean headerPresent) {
    try {
      return CsvDatasetReader.readLabelFirst(source, headerPresent);
    } catch (UndeclaredHeaderException e) {
      String bad = e.cell().strip();
      String shown = bad.length() > 40 ? bad.substring(0, 40) + "..." : bad;
      throw new DataFormatException(e.file(), e.line(), 0, "'" + shown + "' is not a number: the first line looks"
          + " like a header, and " + channel.contentTypeField() + " is '" + channel.contentType() + "'; accepted:"
          + " numeric label-first rows without a header (SageMaker's CSV), or ContentType"
          + " text/csv;header=present to skip the header line", e);
    }
  }

  private static boolean isDataFile(ContentType.Format format, String name) {
    if (format == ContentType.Format.CSV) {
      return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }
    return !name.startsWith(".") && !name.startsWith("_");
  }

  private static String formatName(ContentType.Format format) {
    return switch (format) {
      case CSV -> "CSV";
      case LIBSVM -> "libsvm";
      case PARQUET -> "Parquet";
    };
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
