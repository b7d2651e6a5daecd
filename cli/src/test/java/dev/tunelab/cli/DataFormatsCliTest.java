package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.datasets.BostonHousing;
import dev.tunelab.datasets.CourseSplit;
import dev.tunelab.datasets.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel formats end to end through {@code tunelab train}: libsvm, Parquet, CSV with
 * {@code header=present}, a folder channel and csv_weights=1 complete; a malformed libsvm token,
 * a Parquet string column, a header without {@code header=present}, a negative weight and an
 * unknown ContentType each exit 2 naming the field or file position and leave nothing recorded.
 * A bring-your-own tuning job without InputDataConfig tunes to completion.
 */
class DataFormatsCliTest {

  @TempDir static Path data;
  @TempDir Path dir;
  static CourseSplit split;

  @BeforeAll
  static void writeData() throws IOException {
    split = BostonHousing.courseSplit(BostonHousing.DEFAULT_SPLIT_SEED);
    for (String part : List.of("train", "validation")) {
      Dataset d = part.equals("train") ? split.train() : split.validation();
      StringBuilder svm = new StringBuilder();
      StringBuilder csv = new StringBuilder("medv," + String.join(",", d.featureNames()) + "\n");
      for (int r = 0; r < d.rows(); r++) {
        svm.append(num(d.labels()[r]));
        csv.append(num(d.labels()[r]));
        for (int c = 0; c < d.columns(); c++) {
          svm.append(' ').append(c + 1).append(':').append(num(d.features()[r][c]));
          csv.append(',').append(num(d.features()[r][c]));
        }
        svm.append('\n');
        csv.append('\n');
      }
      Files.writeString(data.resolve(part + ".libsvm"), svm);
      Files.writeString(data.resolve(part + "-header.csv"), csv);
      writeParquet(data.resolve(part + ".parquet"), d);
    }
    Path folder = Files.createDirectories(data.resolve("train-parts"));
    List<String> lines = Files.readAllLines(data.resolve("train-header.csv"));
    Files.write(folder.resolve("part-0.csv"), lines.subList(1, 100));
    Files.write(folder.resolve("part-1.csv"), lines.subList(100, lines.size()));
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  private static void writeParquet(Path file, Dataset d) throws IOException {
    StringBuilder schema = new StringBuilder("message boston { required double medv;");
    d.featureNames().forEach(n -> schema.append(" optional double ").append(n).append(';'));
    MessageType type = MessageTypeParser.parseMessageType(schema.append(" }").toString());
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration()).withType(type).withCompressionCodec(CompressionCodecName.SNAPPY)
        .build()) {
      for (int r = 0; r < d.rows(); r++) {
        Group g = groups.newGroup().append("medv", d.labels()[r]);
        for (int c = 0; c < d.columns(); c++) {
          g.append(d.featureNames().get(c), d.features()[r][c]);
        }
        w.write(g);
      }
    }
  }

  /** The example training spec with 10 rounds, its channels at these files with this ContentType. */
  private Path spec(String name, String train, String validation, String contentType, String... hps) throws IOException {
    ObjectNode s = (ObjectNode) Json.mapper().readTree(
        CliTestSupport.repoRoot().resolve("examples/boston-xgboost-train.json").toFile());
    s.put("TrainingJobName", name);
    ObjectNode hp = (ObjectNode) s.get("HyperParameters");
    hp.put("num_round", "10");
    for (int i = 0; i < hps.length; i += 2) {
      hp.put(hps[i], hps[i + 1]);
    }
    String[] uris = {train, validation};
    for (int i = 0; i < 2; i++) {
      ObjectNode c = (ObjectNode) s.get("InputDataConfig").get(i);
      ((ObjectNode) c.get("DataSource").get("S3DataSource")).put("S3Uri", uris[i]);
      c.put("ContentType", contentType);
    }
    return Files.writeString(dir.resolve(name + ".json"), s.toString());
  }

  private void completes(Path spec) {
    Path home = dir.resolve("home");
    CliTestSupport.Run r = CliTestSupport.run(home, "train", spec.toString());
    assertEquals(0, r.exitCode(), r::all);
    try (JobStore store = JobStore.openSqlite(home)) {
      TrainingJobRecord job = store.trainingJobs().get(0);
      assertEquals("Completed", job.status().toString(), job.toString());
    }
  }

  @Test
  void libsvmTrains() throws IOException {
    completes(spec("svm", data.resolve("train.libsvm").toString(), data.resolve("validation.libsvm").toString(),
        "text/libsvm"));
  }

  @Test
  void parquetTrains() throws IOException {
    completes(spec("pq", data.resolve("train.parquet").toString(), data.resolve("validation.parquet").toString(),
        "application/x-parquet"));
  }

  @Test
  void csvWithDeclaredHeaderTrains() throws IOException {
    completes(spec("hdr", data.resolve("train-header.csv").toString(), data.resolve("validation-header.csv").toString(),
        "text/csv;header=present"));
  }

  @Test
  void aFolderChannelReadsAllItsFiles() throws IOException {
    Path validation = Files.write(dir.resolve("validation.csv"),
        Files.readAllLines(data.resolve("validation-header.csv")).subList(1, 50));
    completes(spec("folder", data.resolve("train-parts").toString(), validation.toString(), "text/csv"));
  }

  @Test
  void badInputsExitTwoNamingWhatIsWrongAndRecordNothing() throws IOException {
    Path badSvm = Files.writeString(dir.resolve("bad.libsvm"), "1 1:0.5 2:0.1\n2 1:0.3 2;0.7\n");
    refused(spec("a", badSvm.toString(), data.resolve("validation.libsvm").toString(), "text/libsvm"),
        "bad.libsvm line 2, column 3: token '2;0.7' is not index:value");

    MessageType strings = MessageTypeParser.parseMessageType("message m { required double y; optional binary town (STRING); }");
    Path badPq = dir.resolve("bad.parquet");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(badPq))
        .withConf(new PlainParquetConfiguration()).withType(strings).build()) {
      w.write(new SimpleGroupFactory(strings).newGroup().append("y", 1.0).append("town", "Boston"));
    }
    refused(spec("b", badPq.toString(), data.resolve("validation.parquet").toString(), "application/x-parquet"),
        "bad.parquet: column 'town' has type binary (STRING); accepted: flat int32, int64, float, double or boolean");

    refused(spec("c", data.resolve("train-header.csv").toString(), data.resolve("validation-header.csv").toString(),
        "text/csv"), "train-header.csv line 1: 'medv' is not a number");

    Path weights = Files.writeString(dir.resolve("w.csv"), "24,1,0.5,3\n21,-2,0.1,4\n");
    refused(spec("d", weights.toString(), weights.toString(), "csv", "csv_weights", "1"),
        "HyperParameters.csv_weights");
    assertTrue(CliTestSupport.run(dir.resolve("home"), "train", dir.resolve("d.json").toString()).err()
        .contains("w.csv line 2 has weight -2.0"));

    refused(spec("e", "dataset:boston/train", "dataset:boston/validation", "application/json"),
        "InputDataConfig[0].ContentType: got 'application/json'; expected text/csv or csv");
  }

  private void refused(Path spec, String expected) {
    Path home = dir.resolve("home");
    CliTestSupport.Run r = CliTestSupport.run(home, "train", spec.toString());
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains(expected), () -> "should name '" + expected + "':\n" + r.err());
    try (JobStore store = JobStore.openSqlite(home)) {
      assertTrue(store.trainingJobs().isEmpty(), "no training job record may be left behind");
    }
    Path jobs = home.resolve("jobs");
    try (Stream<Path> s = Files.exists(jobs) ? Files.list(jobs) : Stream.empty()) {
      assertEquals(0, s.count(), "no job folder may be left behind");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aByoTuningJobWithoutInputDataConfigTunesToCompletion() throws IOException {
    Path py = Files.writeString(dir.resolve("obj.py"),
        "import sys\na = sys.argv\nx = float(a[a.index('--x') + 1])\nprint('loss: %s' % ((x + 0.2) ** 2))\n");
    ObjectNode s = Json.object();
    s.put("HyperParameterTuningJobName", "nodata");
    ObjectNode cfg = s.putObject("HyperParameterTuningJobConfig");
    cfg.put("Strategy", "Random");
    cfg.putObject("HyperParameterTuningJobObjective").put("Type", "Minimize").put("MetricName", "loss");
    cfg.putObject("ResourceLimits").put("MaxNumberOfTrainingJobs", 3).put("MaxParallelTrainingJobs", 1);
    cfg.set("ParameterRanges", ByoTuningTest.continuousX(-1, 1));
    ObjectNode def = s.putObject("TrainingJobDefinition");
    ObjectNode alg = def.putObject("AlgorithmSpecification");
    alg.put("TrainingImage", "local/byo:latest").put("TrainingInputMode", "File");
    alg.putArray("ContainerEntrypoint").add("python3").add(py.toString());
    alg.putArray("MetricDefinitions").addObject().put("Name", "loss").put("Regex", "loss: ([-0-9.eE]+)");
    def.putObject("OutputDataConfig").put("S3OutputPath", "out");
    def.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 60);
    Path file = Files.writeString(dir.resolve("nodata.json"), s.toString());
    Path home = dir.resolve("home");
    CliTestSupport.Run r = CliTestSupport.run(home, "tune", file.toString());
    assertEquals(0, r.exitCode(), r::all);
    try (JobStore store = JobStore.openSqlite(home)) {
      List<TrainingJobRecord> jobs = store.trainingJobsOf("nodata");
      assertEquals(3, jobs.size());
      jobs.forEach(j -> assertEquals("Completed", j.status().toString(), j.toString()));
    }
  }
}
