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

  @TempDir Path top;

  @Test
  void anS3UriNeverLeavesTheHomesS3Folder() throws IOException {
    // top/home is the home; a secret beside it, and one inside it but outside s3/
    Path h = Files.createDirectories(top.resolve("home"));
    Path secret = Files.writeString(top.resolve("secret.csv"), "1,2\n");
    Files.writeString(h.resolve("outside-s3.csv"), "1,2\n");
    Path bucket = Files.createDirectories(h.resolve("s3/bucket"));
    Files.writeString(bucket.resolve("ok.csv"), "1,2\n");
    ChannelResolver r = new ChannelResolver(h);
    java.util.function.Function<String, SpecException> refusedHere = uri -> {
      SpecException e = assertThrows(SpecException.class, () -> r.files(channel(uri), base), uri);
      assertEquals(FIELD, e.field(), e.getMessage());
      assertTrue(e.getMessage().contains(uri), e.getMessage());
      return e;
    };
    String depth = "../".repeat(h.getNameCount() + 2);
    for (String uri : List.of("s3://bucket/../../../secret.csv",
        "s3://bucket/../../outside-s3.csv",
        "s3://bucket/" + depth + secret.toString().substring(1),
        "s3://../../secret.csv",
        "s3://bucket/./ok.csv",
        "s3://bucket/sub/../../../outside-s3.csv")) {
      SpecException e = refusedHere.apply(uri);
      assertTrue(e.getMessage().contains("inside $TUNELAB_HOME/s3"), e.getMessage());
    }
    // keys are literal: %2e%2e is a folder of that name, inside s3/, and missing here
    assertTrue(refusedHere.apply("s3://bucket/%2e%2e/%2e%2e/outside-s3.csv").getMessage()
        .contains("looked for " + h.resolve("s3/bucket/%2e%2e/%2e%2e/outside-s3.csv")));
    // a symbolic link in s3/ pointing out: as the file, as the bucket, and inside a folder channel
    Files.createSymbolicLink(bucket.resolve("linked.csv"), secret);
    Files.createSymbolicLink(h.resolve("s3/linked-bucket"), top);
    Path folder = Files.createDirectories(bucket.resolve("folder"));
    Files.writeString(folder.resolve("a.csv"), "1,2\n");
    Files.createSymbolicLink(folder.resolve("b.csv"), secret);
    for (String uri : List.of("s3://bucket/linked.csv", "s3://linked-bucket/secret.csv",
        "s3://bucket/folder")) {
      SpecException e = refusedHere.apply(uri);
      assertTrue(e.getMessage().contains("symbolic link") && e.getMessage().contains("file: URI"), e.getMessage());
    }
    assertEquals(List.of(bucket.resolve("ok.csv")), r.files(channel("s3://bucket/ok.csv"), base));
    // a link that stays inside s3/ is fine, and the same secret by its path is the user's choice
    Files.createSymbolicLink(bucket.resolve("alias.csv"), bucket.resolve("ok.csv"));
    assertEquals(List.of(bucket.resolve("alias.csv")), r.files(channel("s3://bucket/alias.csv"), base));
    assertEquals(List.of(secret), r.files(channel(secret.toString()), base));
  }
}
