package dev.tunelab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunelab.core.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFolderTest {

  @TempDir Path work;

  private TrainingRequest request(Map<String, List<Path>> files) {
    return new TrainingRequest("j", Map.of("b", "2", "a", "1"), Map.of(), files,
        work.resolve("job"), Duration.ofSeconds(5), 1, null);
  }

  @Test
  void aSecondAttemptStartsWithoutTheOldFailureFileOrChannelFiles() throws IOException {
    Path a = Files.writeString(work.resolve("a.csv"), "1\n");
    Path b = Files.writeString(work.resolve("b.csv"), "2\n");
    JobFolder first = JobFolder.prepare(request(Map.of("train", List.of(a))), Map.of());
    Files.writeString(first.failureFile, "old failure");
    JobFolder second = JobFolder.prepare(request(Map.of("train", List.of(b))), Map.of());
    assertFalse(Files.exists(second.failureFile));
    assertNull(second.failureText(100));
    try (var s = Files.list(second.channelDirs.get("train"))) {
      assertEquals(List.of("b.csv"), s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void configFilesFollowSageMakersShapes() throws IOException {
    Path a = Files.writeString(work.resolve("data.libsvm"), "1 1:2\n");
    JobFolder f = JobFolder.prepare(request(Map.of("train", List.of(a), "extra", List.of(a))),
        Map.of("extra", "application/x-custom"));
    ObjectMapper json = new ObjectMapper();
    assertEquals(Map.of("a", "1", "b", "2"), json.readValue(f.hyperParametersFile.toFile(), Map.class));
    Map<?, ?> cfg = json.readValue(f.configDir.resolve("inputdataconfig.json").toFile(), Map.class);
    assertEquals(Map.of("ContentType", "text/libsvm", "TrainingInputMode", "File",
        "S3DistributionType", "FullyReplicated", "RecordWrapperType", "None"), cfg.get("train"));
    assertEquals("application/x-custom", ((Map<?, ?>) cfg.get("extra")).get("ContentType"));
    assertEquals(List.of("--a", "1", "--b", "2"), f.hyperParameterArguments());
    assertTrue(Files.isDirectory(f.outputDataDir));
    assertNull(f.modelArtifact());
  }

  @Test
  void failureTextIsTrimmedAndCut() throws IOException {
    JobFolder f = JobFolder.prepare(request(Map.of()), Map.of());
    Files.writeString(f.failureFile, "\n  " + "x".repeat(2000) + "  \n");
    assertEquals("x".repeat(1024), f.failureText(1024));
  }

  @Test
  void aChannelNameThatIsNotAFolderNameIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> JobFolder.prepare(request(Map.of("../up", List.of())), Map.of()));
  }

  @Test
  void contentTypesAreGuessedOnlyWhenAllFilesAgree() {
    assertEquals("text/csv", JobFolder.guessContentType(List.of(Path.of("a.csv"), Path.of("B.CSV"))));
    assertNull(JobFolder.guessContentType(List.of(Path.of("a.csv"), Path.of("b.libsvm"))));
    assertNull(JobFolder.guessContentType(List.of(Path.of("data.bin"))));
  }
}
