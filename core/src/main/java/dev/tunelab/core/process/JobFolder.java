package dev.tunelab.core.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One training job's folder laid out as SageMaker's {@code /opt/ml}: {@code input/config/}
 * (hyperparameters.json, inputdataconfig.json, resourceconfig.json), {@code input/data/<channel>/}
 * (read-only copies of the channel files), {@code model/}, {@code output/} and
 * {@code output/data/}; plus the {@code SM_*} environment that describes it.
 *
 * <p>Channels are copies, never links: a program that opens its input for writing (or truncates
 * it) changes only its own copy, as in SageMaker, where channels are downloaded to the
 * instance. The copies are mode 0444; a hard link would share the user's file (and a chmod
 * would change the user's mode), and a symbolic link lets the program write through to it.
 */
final class JobFolder {

  static final String HOST = "algo-1";
  private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--r--r--");
  private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  final Path base;
  final Path inputDir;
  final Path configDir;
  final Path hyperParametersFile;
  final Path modelDir;
  final Path outputDir;
  final Path outputDataDir;
  final Path failureFile;
  final Map<String, Path> channelDirs;
  final Map<String, String> hyperParameters;
  final Map<String, Map<String, String>> inputDataConfig;

  private JobFolder(Path base, Map<String, String> hyperParameters, Map<String, Path> channelDirs,
      Map<String, Map<String, String>> inputDataConfig) {
    this.base = base;
    this.inputDir = base.resolve("input");
    this.configDir = inputDir.resolve("config");
    this.hyperParametersFile = configDir.resolve("hyperparameters.json");
    this.modelDir = base.resolve("model");
    this.outputDir = base.resolve("output");
    this.outputDataDir = outputDir.resolve("data");
    this.failureFile = outputDir.resolve("failure");
    this.channelDirs = channelDirs;
    this.hyperParameters = hyperParameters;
    this.inputDataConfig = inputDataConfig;
  }

  /**
   * Creates (or refreshes) the layout in {@code request.jobDir()}: writes the config files,
   * copies each channel's files, read-only, into {@code input/data/<channel>/} and removes a {@code output/failure} left by an earlier attempt.
   *
   * @param contentTypes ContentType per channel as the spec gives it; a channel without one gets
   *                     a type guessed from its files' extensions, or none
   * @throws IOException              when a file cannot be written or a channel file is missing
   * @throws IllegalArgumentException for a channel name that cannot be a folder name
   */
  static JobFolder prepare(TrainingRequest request, Map<String, String> contentTypes)
      throws IOException {
    Path base = request.jobDir().toAbsolutePath().normalize();
    Map<String, Path> channelDirs = new TreeMap<>();
    Map<String, Map<String, String>> dataConfig = new TreeMap<>();
    Map<String, List<Path>> files = new TreeMap<>(request.channelFiles());
    for (String channel : files.keySet()) {
      if (!CHANNEL_NAME.matcher(channel).matches() || channel.equals(".") || channel.equals("..")) {
        throw new IllegalArgumentException("InputDataConfig.ChannelName: got '" + channel
            + "'; expected letters, digits, '.', '_' or '-'");
      }
      channelDirs.put(channel, base.resolve("input").resolve("data").resolve(channel));
      Map<String, String> cfg = new LinkedHashMap<>();
      String type = contentTypes.getOrDefault(channel, guessContentType(files.get(channel)));
      if (type != null) {
        cfg.put("ContentType", type);
      }
      cfg.put("TrainingInputMode", "File");
      cfg.put("S3DistributionType", "FullyReplicated");
      cfg.put("RecordWrapperType", "None");
      dataConfig.put(channel, cfg);
    }
    JobFolder f = new JobFolder(base, new TreeMap<>(request.hyperParameters()),
        Map.copyOf(channelDirs), dataConfig);
    f.create(files);
    return f;
  }

  private void create(Map<String, List<Path>> files) throws IOException {
    Files.createDirectories(configDir);
    Files.createDirectories(modelDir);
    Files.createDirectories(outputDataDir);
    Files.deleteIfExists(failureFile);
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(hyperParametersFile.toFile(), hyperParameters);
    Json.mapper().writerWithDefaultPrettyPrinter()
        .writeValue(configDir.resolve("inputdataconfig.json").toFile(), inputDataConfig);
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("current_host", HOST);
    resource.put("hosts", List.of(HOST));
    Json.mapper().writerWithDefaultPrettyPrinter()
        .writeValue(configDir.resolve("resourceconfig.json").toFile(), resource);
    for (Map.Entry<String, List<Path>> e : files.entrySet()) {
      Path dir = channelDirs.get(e.getKey());
      clear(dir);
      Files.createDirectories(dir);
      for (Path source : e.getValue()) {
        stage(e.getKey(), source.toAbsolutePath().normalize(), dir);
      }
    }
  }

  private static void clear(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(dir)) { // does not follow links
      entries = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
    }
    for (Path p : entries) {
      Files.deleteIfExists(p);
    }
  }

  /** Copies {@code source} into the channel folder as a read-only file of the same name. */
  private static void stage(String channel, Path source, Path dir) throws IOException {
    if (!Files.exists(source)) {
      throw new IOException("channel '" + channel + "': file " + source + " does not exist");
    }
    Path target = dir.resolve(source.getFileName().toString());
    try {
      Files.copy(source, target); // follows a link in the source; never replaces a target
    } catch (FileAlreadyExistsException e) {
      throw new IOException("channel '" + channel + "': two files are named '"
          + source.getFileName() + "' (" + source + ")");
    }
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (view != null) {
      view.setPermissions(READ_ONLY);
    } else if (!target.toFile().setWritable(false, false)) {
      throw new IOException("channel '" + channel + "': cannot make " + target + " read-only");
    }
  }

  /** A MIME type from the files' common extension: csv, libsvm, json, parquet, recordio. */
  static String guessContentType(List<Path> files) {
    String type = null;
    for (Path p : files) {
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      String t = name.endsWith(".csv") ? "text/csv"
          : name.endsWith(".libsvm") || name.endsWith(".svm") ? "text/libsvm"
          : name.endsWith(".json") || name.endsWith(".jsonl") ? "application/json"
          : name.endsWith(".parquet") ? "application/x-parquet"
          : name.endsWith(".rec") || name.endsWith(".recordio") ? "application/x-recordio-protobuf"
          : null;
      if (t == null || (type != null && !type.equals(t))) {
        return null;
      }
      type = t;
    }
    return type;
  }

  /** The hyperparameters as script-mode arguments: {@code --name value} pairs, by name. */
  List<String> hyperParameterArguments() {
    List<String> args = new ArrayList<>();
    hyperParameters.forEach((k, v) -> {
      args.add("--" + k);
      args.add(v);
    });
    return args;
  }

  /**
   * The container contract's environment: {@code SM_*} variables describing this folder, the
   * hyperparameters (values as strings) and one host with {@code threads} CPUs.
   */
  Map<String, String> environment(String jobName, int threads) {
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> channelInputDirs = new TreeMap<>();
    channelDirs.forEach((k, v) -> channelInputDirs.put(k, v.toString()));
    env.put("TRAINING_JOB_NAME", jobName);
    env.put("SM_BASE_DIR", base.toString());
    env.put("SM_INPUT_DIR", inputDir.toString());
    env.put("SM_INPUT_CONFIG_DIR", configDir.toString());
    env.put("SM_INPUT_DATA_CONFIG", json(inputDataConfig));
    env.put("SM_HPS_FILE", hyperParametersFile.toString());
    env.put("SM_MODEL_DIR", modelDir.toString());
    env.put("SM_OUTPUT_DIR", outputDir.toString());
    env.put("SM_OUTPUT_DATA_DIR", outputDataDir.toString());
    channelInputDirs.forEach((k, v) -> env.put("SM_CHANNEL_" + k.toUpperCase(Locale.ROOT), v));
    env.put("SM_CHANNELS", json(new ArrayList<>(channelInputDirs.keySet())));
    env.put("SM_HPS", json(hyperParameters));
    hyperParameters.forEach((k, v) -> env.put("SM_HP_" + k.toUpperCase(Locale.ROOT), v));
    env.put("SM_USER_ARGS", json(hyperParameterArguments()));
    env.put("SM_NUM_CPUS", Integer.toString(threads));
    env.put("SM_NUM_GPUS", "0");
    env.put("SM_CURRENT_HOST", HOST);
    env.put("SM_HOSTS", json(List.of(HOST)));
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("job_name", jobName);
    training.put("hyperparameters", hyperParameters);
    training.put("channel_input_dirs", channelInputDirs);
    training.put("input_data_config", inputDataConfig);
    training.put("input_dir", inputDir.toString());
    training.put("input_config_dir", configDir.toString());
    training.put("model_dir", modelDir.toString());
    training.put("output_dir", outputDir.toString());
    training.put("output_data_dir", outputDataDir.toString());
    training.put("current_host", HOST);
    training.put("hosts", List.of(HOST));
    training.put("num_cpus", threads);
    training.put("num_gpus", 0);
    env.put("SM_TRAINING_ENV", json(training));
    return env;
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value, e);
    }
  }

  /** The model folder if it holds at least one regular file, else {@code null}. */
  Path modelArtifact() {
    if (!Files.isDirectory(modelDir)) {
      return null;
    }
    try (Stream<Path> walk = Files.walk(modelDir)) {
      return walk.anyMatch(Files::isRegularFile) ? modelDir : null;
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }

  /** The trimmed content of {@code output/failure} (at most {@code maxChars}), or {@code null}. */
  String failureText(int maxChars) {
    try {
      if (!Files.isRegularFile(failureFile)) {
        return null;
      }
      byte[] head;
      try (java.io.InputStream in = Files.newInputStream(failureFile)) {
        head = in.readNBytes(maxChars * 4);
      }
      String s = new String(head, java.nio.charset.StandardCharsets.UTF_8).trim();
      if (s.isEmpty()) {
        return null;
      }
      return s.length() > maxChars ? s.substring(0, maxChars) : s;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
