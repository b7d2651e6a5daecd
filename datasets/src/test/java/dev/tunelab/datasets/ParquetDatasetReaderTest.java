package dev.tunelab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetDatasetReaderTest {

  private static final MessageType NUMBERS = MessageTypeParser.parseMessageType(
      "message m { required double y; optional int32 a; optional int64 b; optional float c; optional boolean d; }");

  @TempDir
  Path dir;

  /** Writes rows with parquet's own example writer, as a user's tool would. */
  static Path write(Path file, MessageType schema, CompressionCodecName codec, Consumer<Writer> rows)
      throws IOException {
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration()).withType(schema).withCompressionCodec(codec).build()) {
      rows.accept(new Writer(w, new SimpleGroupFactory(schema)));
    }
    return file;
  }

  /** A writer of groups that hides the checked exception. */
  record Writer(ParquetWriter<Group> out, SimpleGroupFactory groups) {
    Group group() {
      return groups.newGroup();
    }

    void write(Group g) {
      try {
        out.write(g);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD"})
  void labelIsTheFirstColumnAndNullsAreMissing(CompressionCodecName codec) throws Exception {
    Path f = write(dir.resolve("t.parquet"), NUMBERS, codec, w -> {
      w.write(w.group().append("y", 1.5).append("a", 3).append("b", 4L).append("c", 2.5f).append("d", true));
      w.write(w.group().append("y", -2.0));
    });
    Dataset d = ParquetDatasetReader.read(List.of(f), f);
    assertEquals(List.of("a", "b", "c", "d"), d.featureNames());
    assertArrayEquals(new double[] {1.5, -2.0}, d.labels());
    assertArrayEquals(new double[] {3, 4, 2.5, 1}, d.features()[0]);
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, d.features()[1]);
    assertEquals(64, d.provenance().sha256().length());
  }

  @Test
  void aFolderConcatenatesFilesWithTheSameColumns() throws Exception {
    Path a = write(dir.resolve("a.parquet"), NUMBERS, CompressionCodecName.SNAPPY,
        w -> w.write(w.group().append("y", 1.0).append("a", 1)));
    Path b = write(dir.resolve("b.parquet"), NUMBERS, CompressionCodecName.SNAPPY,
        w -> w.write(w.group().append("y", 2.0).append("a", 2)));
    Dataset d = ParquetDatasetReader.read(List.of(a, b), dir);
    assertArrayEquals(new double[] {1, 2}, d.labels());
    assertEquals(2, d.features()[1][0]);
    assertTrue(d.provenance().derivation().contains("a.parquet, b.parquet"));
  }

  @Test
  void aStringColumnIsRefusedNamingFileColumnAndType() throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType(
        "message m { required double y; optional binary city (STRING); }");
    Path f = write(dir.resolve("s.parquet"), schema, CompressionCodecName.UNCOMPRESSED,
        w -> w.write(w.group().append("y", 1.0).append("city", "Boston")));
    DataFormatException e = assertThrows(DataFormatException.class, () -> ParquetDatasetReader.read(List.of(f), f));
    assertEquals(f, e.file());
    assertTrue(e.getMessage().contains("column 'city' has type binary (STRING)"), e.getMessage());
    assertTrue(e.getMessage().contains("accepted: flat int32, int64, float, double or boolean"), e.getMessage());
  }

  @Test
  void aNullLabelIsRefusedNamingTheRow() throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType("message m { optional double y; optional int32 a; }");
    Path f = write(dir.resolve("n.parquet"), schema, CompressionCodecName.UNCOMPRESSED, w -> {
      w.write(w.group().append("y", 1.0).append("a", 1));
      w.write(w.group().append("a", 2));
    });
    DataFormatException e = assertThrows(DataFormatException.class, () -> ParquetDatasetReader.read(List.of(f), f));
    assertTrue(e.getMessage().contains("row 2: label column 'y' is null"), e.getMessage());
  }

  @Test
  void filesWithDifferentColumnsAreRefused() throws Exception {
    MessageType other = MessageTypeParser.parseMessageType("message m { required double y; optional double z; }");
    Path a = write(dir.resolve("a.parquet"), NUMBERS, CompressionCodecName.UNCOMPRESSED,
        w -> w.write(w.group().append("y", 1.0)));
    Path b = write(dir.resolve("b.parquet"), other, CompressionCodecName.UNCOMPRESSED,
        w -> w.write(w.group().append("y", 1.0)));
    DataFormatException e = assertThrows(DataFormatException.class, () -> ParquetDatasetReader.read(List.of(a, b), dir));
    assertEquals(b, e.file());
    assertTrue(e.getMessage().contains("[z] differ from those of a.parquet [a, b, c, d]"), e.getMessage());
  }

  @Test
  void aFileThatIsNotParquetIsRefused() throws Exception {
    Path f = java.nio.file.Files.writeString(dir.resolve("x.parquet"), "1,2,3\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> ParquetDatasetReader.read(List.of(f), f));
    assertTrue(e.getMessage().contains("cannot read as Parquet"), e.getMessage());
  }
}
