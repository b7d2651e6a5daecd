package dev.tunelab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.datasets.DataFormatException;
import dev.tunelab.datasets.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel's ContentType picks the reader, and a folder channel reads all its files of that type. */
class ChannelFormatsTest {

  private static final String FIELD = "InputDataConfig[0].DataSource.S3DataSource.S3Uri";

  @TempDir Path home;
  @TempDir Path base;

  private static ChannelSpec channel(String uri, String contentType) {
    return new ChannelSpec("train", uri, contentType, FIELD);
  }

  private Dataset read(String uri, String contentType) {
    return new ChannelResolver(home).labelled(channel(uri, contentType), base);
  }

  @Test
  void libsvmFileAndFolderSkippingHiddenAndUnderscoreFiles() throws Exception {
    Files.writeString(base.resolve("one.libsvm"), "1 1:2 3:4\n0 2:1\n");
    assertEquals(4, read("one.libsvm", "text/libsvm").columns());
    Path dir = Files.createDirectories(base.resolve("svm"));
    Files.writeString(dir.resolve("part-00001"), "2 0:5\n");
    Files.writeString(dir.resolve("part-00000"), "1 1:2\n");
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.writeString(dir.resolve(".part-00000.crc"), "garbage");
    Files.createDirectories(dir.resolve("nested"));
    Dataset d = read("svm", "libsvm");
    assertArrayEquals(new double[] {1, 2}, d.labels(), "files in name order, marker files skipped");
    assertEquals(List.of(dir.resolve("part-00000"), dir.resolve("part-00001")),
        new ChannelResolver(home).files(channel("svm", "text/x-libsvm"), base));
  }

  @Test
  void aFolderWithoutDataFilesIsRefusedForItsFormat() throws Exception {
    Path dir = Files.createDirectories(base.resolve("empty"));
    Files.writeString(dir.resolve("_SUCCESS"), "");
    SpecException e = assertThrows(SpecException.class,
        () -> new ChannelResolver(home).files(channel("empty", "parquet"), base));
    assertEquals(FIELD, e.field());
    assertTrue(e.getMessage().contains("a Parquet file or a folder holding some"), e.getMessage());
  }

  @Test
  void parquetFolder() throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType("message m { required double y; optional double x; }");
    Path dir = Files.createDirectories(base.resolve("pq"));
    for (int i = 0; i < 2; i++) {
      try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("part-" + i + ".parquet")))
          .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
        w.write(new SimpleGroupFactory(schema).newGroup().append("y", (double) i).append("x", 10.0 + i));
      }
    }
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Dataset d = read("pq", "application/x-parquet");
    assertArrayEquals(new double[] {0, 1}, d.labels());
    assertEquals(List.of("x"), d.featureNames());
    assertEquals(11.0, d.features()[1][0]);
  }

  @Test
  void aCsvHeaderNeedsHeaderPresent() throws Exception {
    Files.writeString(base.resolve("h.csv"), "medv,crim\n24,0.1\n21,0.2\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> read("h.csv", "text/csv"));
    assertEquals(base.resolve("h.csv"), e.file());
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("'medv' is not a number"), e.getMessage());
    assertTrue(e.getMessage().contains("InputDataConfig[0].ContentType is 'text/csv'"), e.getMessage());
    assertTrue(e.getMessage().contains("text/csv;header=present"), e.getMessage());
    Dataset d = read("h.csv", "text/csv;header=present");
    assertEquals(2, d.rows());
    assertEquals(List.of("crim"), d.featureNames());
    Files.writeString(base.resolve("n.csv"), "24,0.1\n-1.5e2,NA\n");
    assertEquals(2, read("n.csv", "csv").rows(), "numbers, exponents and NA are data, not a header");
    Dataset pandas = read("n.csv", "text/csv;header=present");
    assertEquals(1, pandas.rows(), "with header=present line 1 is the header even when it is all numbers (pandas' 0,1,...)");
    assertEquals(-150.0, pandas.labels()[0]);
  }

  @Test
  void aByteOrderMarkOrNanOnLineOneIsNotAHeader() throws Exception {
    Files.write(base.resolve("bom.csv"), "\uFEFF24,0.1\n21,nan\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(2, read("bom.csv", "text/csv").rows(), "the reader's own rule decides what a header is");
    Files.writeString(base.resolve("nan.csv"), "24,nan\n21,0.2\n");
    assertEquals(2, read("nan.csv", "csv").rows());
  }

  @Test
  void aCsvFolderRefusesAHeaderInAnyFile() throws Exception {
    Path dir = Files.createDirectories(base.resolve("parts"));
    Files.writeString(dir.resolve("a.csv"), "1,2\n");
    Files.writeString(dir.resolve("b.csv"), "y,x\n1,2\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> read("parts", "text/csv"));
    assertEquals(dir.resolve("b.csv"), e.file());
  }

  @Test
  void theBundledDataIsCsvOnly() {
    SpecException e = assertThrows(SpecException.class, () -> read("dataset:boston/train", "text/libsvm"));
    assertEquals("InputDataConfig[0].ContentType", e.field());
  }
}
