package dev.tunelab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.datasets.BostonHousing;
import dev.tunelab.datasets.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every S3Uri form a channel accepts, and the SpecException (naming the channel's path) for the rest. */
class ChannelResolverTest {

  private static final String FIELD = "InputDataConfig[0].DataSource.S3DataSource.S3Uri";

  @TempDir Path home;
  @TempDir Path base;

  private static ChannelSpec channel(String uri) {
    return new ChannelSpec("train", uri, "text/csv", FIELD);
  }

  private SpecException refused(String uri) {
    SpecException e = assertThrows(SpecException.class, () -> new ChannelResolver(home).files(channel(uri), base));
    assertEquals(FIELD, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(uri), e.getMessage());
    return e;
  }

  @Test
  void theBundledSplitIsWrittenOnceUnderTheHomeAndParsesAsTheCourseSplit() throws IOException {
    ChannelResolver r = new ChannelResolver(home);
    List<Path> files = r.files(channel("dataset:boston/validation?seed=7"), base);
    assertEquals(List.of(home.resolve("datasets/boston-seed-7/validation.csv")), files);
    assertTrue(Files.size(files.get(0)) > 0);
    Dataset parsed = r.labelled(channel("dataset:boston/validation?seed=7"), base);
    assertEquals(BostonHousing.courseSplit(7).validation().rows(), parsed.rows());
    assertEquals(List.of(home.resolve("datasets/boston-seed-" + BostonHousing.DEFAULT_SPLIT_SEED + "/train.csv")),
        r.files(channel("dataset:boston/train"), base));
  }

  @Test
  void localPathsFileUrisAndS3UrisResolveToFiles() throws IOException {
    Path rel = Files.writeString(base.resolve("train.csv"), "1,2\n3,4\n");
    Path s3 = home.resolve("s3/bucket/key/train.csv");
    Files.createDirectories(s3.getParent());
    Files.writeString(s3, "1,2\n");
    ChannelResolver r = new ChannelResolver(home);
    assertEquals(List.of(rel), r.files(channel("train.csv"), base));
    assertEquals(List.of(rel), r.files(channel("file:train.csv"), base));
    assertEquals(List.of(rel), r.files(channel(rel.toUri().toString()), base));
    assertEquals(List.of(rel), r.files(channel("  " + rel + "  "), base), "absolute, trimmed");
    assertEquals(List.of(s3), r.files(channel("s3://bucket/key/train.csv"), base));
    assertEquals(2, r.labelled(channel("train.csv"), base).rows());
  }

  @Test
  void aFolderGivesItsCsvFilesInNameOrder() throws IOException {
    Path dir = Files.createDirectories(base.resolve("parts"));
    Files.writeString(dir.resolve("b.csv"), "1,2\n");
    Files.writeString(dir.resolve("a.CSV"), "3,4\n");
    Files.writeString(dir.resolve("notes.txt"), "not data");
    ChannelResolver r = new ChannelResolver(home);
    assertEquals(List.of(dir.resolve("a.CSV"), dir.resolve("b.csv")), r.files(channel("parts"), base));
    assertEquals(2, r.labelled(channel("parts"), base).rows());
    Files.createDirectories(base.resolve("empty"));
    assertTrue(refused("empty").getMessage().contains("has none"));
  }

  @Test
  void badUrisAreSpecExceptionsNamingTheChannel() {
    assertTrue(refused("no/such.csv").getMessage().contains("looked for"));
    assertTrue(refused("dataset:boston/nope").getMessage().contains("dataset:boston/train"));
    assertTrue(refused("dataset:iris/train").getMessage().contains("dataset:boston/train"));
    refused("s3://");
    assertTrue(refused("https://example.com/train.csv").getMessage().contains("s3://"));
  }
}
