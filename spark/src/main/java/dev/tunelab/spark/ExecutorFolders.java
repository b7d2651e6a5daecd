package dev.tunelab.spark;

import dev.tunelab.core.data.ChannelResolver;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.datasets.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The executor's side of the files: where a task trains ({@code <java.io.tmpdir>/tunelab-spark/
 * jobs/<job>-<attempt>}, removed when it ends) and the channels it reads itself, parsed once per
 * executor JVM and kept for the next jobs of the same tuning job (the four most recent).
 */
final class ExecutorFolders {

  private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "tunelab-spark");
  private static final int CACHED_CHANNELS = 4;
  private static final Map<String, Dataset> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Dataset> eldest) {
      return size() > CACHED_CHANNELS;
    }
  };

  private ExecutorFolders() { }

  /** A fresh folder for one attempt of one training job. */
  static Path jobDir(String jobName, long attempt) {
    Path dir = ROOT.resolve("jobs").resolve(jobName + "-" + attempt);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the task's folder " + dir, e);
    }
    return dir;
  }

  /** A channel read and parsed here, from the path the spec gives (which every executor must see). */
  static Dataset read(ChannelSpec channel, Path baseDir) {
    String key = channel + "@" + baseDir;
    synchronized (CACHE) {
      Dataset d = CACHE.get(key);
      if (d == null) {
        d = new ChannelResolver(ROOT.resolve("home")).labelled(channel, baseDir);
        CACHE.put(key, d);
      }
      return d;
    }
  }
}
