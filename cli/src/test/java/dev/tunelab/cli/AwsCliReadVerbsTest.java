package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTuningJob;
import dev.tunelab.core.store.TuningJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read verbs as an AWS CLI user types them: the AWS job-name options, --output json, table
 * and text, --query, paging with --max-results and --next-token, the list filters, and that
 * reading never creates a store. One real tuning job (the course spec, Random, 25 training jobs)
 * and a second home of 25 tuning jobs written straight into a store with fixed times.
 */
class AwsCliReadVerbsTest {

  @TempDir static Path shared;
  static Path home;
  static Path listHome;
  static String bestTrainingJob;
  static final String TUNING = "aws-read-25";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeAll
  static void tuneTwentyFiveJobsAndStoreTwentyFiveTuningJobs() throws Exception {
    home = shared.resolve("home");
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    spec.put("HyperParameterTuningJobName", TUNING);
    TuneTestSupport.config(spec).put("Strategy", "Random");
    TuneTestSupport.limits(spec).put("MaxNumberOfTrainingJobs", 25);
    ok(home, "tune", TuneTestSupport.write(shared, "spec.json", spec).toString());
    bestTrainingJob = json(ok(home, "describe-hyper-parameter-tuning-job", TUNING).out())
        .get("BestTrainingJob").get("TrainingJobName").asText();

    // 25 tuning jobs created an hour apart (2026-01-01T00:00Z + i h), last modified when created;
    // every fifth one Completed, names list-00 .. list-24 (odd ones also say "Odd")
    listHome = shared.resolve("list-home");
    String specJson = Files.readString(CliTestSupport.repoRoot().resolve(TuneTestSupport.COURSE_SPEC));
    for (int i = 0; i < 25; i++) {
      Instant t = T0.plus(Duration.ofHours(i));
      try (JobStore store = JobStore.openSqlite(listHome, Clock.fixed(t, ZoneOffset.UTC))) {
        String name = String.format("list-%02d%s", i, i % 2 == 1 ? "-Odd" : "");
        store.createTuningJob(new NewTuningJob(name, specJson, t));
        if (i % 5 == 0) {
          store.updateTuningJobStatus(name, TuningJobStatus.Completed, null, t);
        }
      }
    }
  }

  private static void assertBadInput(CliTestSupport.Run r, String option, String... more) {
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("tunelab: error: " + option + ": got '"), r::err);
    for (String m : more) {
      assertTrue(r.err().contains(m), () -> "no '" + m + "' in:\n" + r.err());
    }
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::err);
    assertEquals("", r.out());
  }

  // ---- 1. the AWS CLI's option names ----

  @Test
  void everyReadVerbTakesTheJobNameByTheAwsOptionOrPositionally() {
    for (String verb : List.of("describe-hyper-parameter-tuning-job", "list-training-jobs-for-hyper-parameter-tuning-job",
        "analytics")) {
      String byOption = ok(home, verb, "--hyper-parameter-tuning-job-name", TUNING).out();
      assertEquals(ok(home, verb, TUNING).out().replaceAll("\"(Last)?ModifiedTime\".*", ""),
          byOption.replaceAll("\"(Last)?ModifiedTime\".*", ""), verb);
      assertTrue(byOption.contains(bestTrainingJob), verb);
    }
    for (String verb : List.of("describe-training-job", "logs", "metrics")) {
      String byOption = ok(home, verb, "--training-job-name", bestTrainingJob).out();
      assertEquals(ok(home, verb, bestTrainingJob).out(), byOption, verb);
      assertFalse(byOption.isBlank(), verb);
    }
    assertBadInput(CliTestSupport.run(home, "describe-training-job", "--training-job-name", "nope"),
        "--training-job-name", "an existing training job");
    assertBadInput(CliTestSupport.run(home, "analytics", "--hyper-parameter-tuning-job-name", "nope"),
        "--hyper-parameter-tuning-job-name", "an existing tuning job");
    CliTestSupport.Run none = CliTestSupport.run(home, "metrics");
    assertEquals(2, none.exitCode(), none::all);
    assertTrue(none.err().contains("--training-job-name: missing"), none::err);
  }

  // ---- 2. --output ----

  @Test
  void describeDefaultsToJsonAndPrintsTableAndTheAwsTextLayout() {
    String dflt = ok(home, "describe-hyper-parameter-tuning-job", TUNING).out();
    assertEquals("Completed", json(dflt).get("HyperParameterTuningJobStatus").asText());
    assertEquals(dflt, ok(home, "describe-hyper-parameter-tuning-job", TUNING, "--output", "json").out());

    List<String> text = ok(home, "describe-hyper-parameter-tuning-job", TUNING, "--output", "text").out().lines().toList();
    // top-level scalars on one line, in sorted key order: CreationTime, EndTime, Arn, Name, Status, LastModifiedTime
    String[] top = text.get(0).split("\t");
    assertEquals(6, top.length, text.get(0));
    assertEquals(TUNING, top[3]);
    assertEquals("Completed", top[4]);
    // nested objects under their upper-case key; counters in sorted key order
    assertTrue(text.contains("TRAININGJOBSTATUSCOUNTERS\t25\t0\t0\t0\t0"), String.join("\n", text));
    assertTrue(text.contains("RESOURCELIMITS\t25\t3"), String.join("\n", text));
    // a list of objects: one line per element with the union of their scalar keys
    assertEquals(3, text.stream().filter(l -> l.startsWith("CONTINUOUSPARAMETERRANGES\t")).count());
    assertTrue(text.contains("INTEGERPARAMETERRANGES\t12\t3\tmax_depth\tAuto"), String.join("\n", text));

    String table = ok(home, "describe-hyper-parameter-tuning-job", TUNING, "--output", "table").out();
    assertTrue(table.lines().anyMatch(l -> l.matches("HyperParameterTuningJobStatus\\s+Completed")), table);
    assertTrue(table.lines().anyMatch(l -> l.matches("  Completed\\s+25")), table);

    String training = ok(home, "describe-training-job", bestTrainingJob, "--output", "text").out();
    assertTrue(training.lines().anyMatch(l -> l.startsWith("FINALMETRICDATALIST\t")), training);
  }

  @Test
  void listsDefaultToTheirTableAndPrintJsonAndText() {
    String table = ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING).out();
    assertTrue(table.startsWith("TRAINING JOB"), table);
    assertEquals(26, table.lines().count(), table);
    List<String> text = ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING, "--output", "text")
        .out().lines().toList();
    assertEquals(25, text.stream().filter(l -> l.startsWith("TRAININGJOBSUMMARIES\t")).count());
    assertEquals(25, text.stream().filter(l -> l.startsWith("TUNEDHYPERPARAMETERS\t")).count());
    String tuning = ok(listHome, "list-hyper-parameter-tuning-jobs", "--output", "text").out();
    assertEquals(25, tuning.lines().filter(l -> l.startsWith("HYPERPARAMETERTUNINGJOBSUMMARIES\t")).count(), tuning);
    assertTrue(ok(listHome, "list-hyper-parameter-tuning-jobs").out().startsWith("NAME"));
  }

  @Test
  void otherReadVerbsPrintJsonTextAndTable() {
    JsonNode rows = json(ok(home, "analytics", TUNING, "--output", "json").out());
    assertEquals(25, rows.size());
    assertTrue(rows.get(0).has("FinalObjectiveValue") && rows.get(0).has("max_depth"), rows.get(0).toString());
    assertEquals(25, ok(home, "analytics", TUNING, "--output", "text").out().lines().count());
    assertTrue(ok(home, "analytics", TUNING).out().contains("TrainingJobName"));

    JsonNode events = json(ok(home, "logs", bestTrainingJob, "--output", "json").out()).get("events");
    assertTrue(events.size() > 3 && events.get(0).get("timestamp").isIntegralNumber(), events.toString());
    String logText = ok(home, "logs", bestTrainingJob, "--output", "text").out();
    assertEquals(events.size(), logText.lines().filter(l -> l.startsWith("EVENTS\t")).count(), logText);
    assertBadInput(CliTestSupport.run(home, "logs", bestTrainingJob, "--follow", "--output", "json"), "--follow");

    String metrics = ok(home, "metrics", bestTrainingJob, "--output", "text").out();
    assertTrue(metrics.lines().skip(1).allMatch(l -> l.startsWith("METRICS\t")), metrics);
    assertTrue(ok(home, "metrics", bestTrainingJob, "--output", "csv").out().startsWith("timestamp,metric_name,value,round\n"));
  }

  @Test
  void aFormatNotAcceptedIsBadInputNamingOutputAndTheFormats() {
    for (String verb : List.of("describe-hyper-parameter-tuning-job", "list-training-jobs-for-hyper-parameter-tuning-job",
        "analytics")) {
      assertBadInput(CliTestSupport.run(home, verb, TUNING, "--output", "yaml"), "--output",
          "got 'yaml'; expected json, table or text");
    }
    for (String verb : List.of("describe-training-job", "logs")) {
      assertBadInput(CliTestSupport.run(home, verb, bestTrainingJob, "--output", "csv"), "--output",
          "expected json, table or text");
    }
    assertBadInput(CliTestSupport.run(listHome, "list-hyper-parameter-tuning-jobs", "--output", "JSON"), "--output");
    assertBadInput(CliTestSupport.run(home, "metrics", bestTrainingJob, "--output", "xml"), "--output",
        "expected json, table, text or csv");
  }

  // ---- 3. --query ----

  @Test
  void queryPicksFromTheResponseBeforeItIsPrinted() {
    assertEquals("25\n", ok(home, "describe-hyper-parameter-tuning-job", TUNING,
        "--query", "TrainingJobStatusCounters.Completed", "--output", "text").out());
    assertEquals("25\n", ok(home, "describe-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job-name", TUNING,
        "--query", "TrainingJobStatusCounters.Completed").out());
    assertEquals("Completed\n", ok(home, "describe-hyper-parameter-tuning-job", TUNING,
        "--query", "HyperParameterTuningJobStatus", "--output", "text").out());
    assertEquals("\"Completed\"\n", ok(home, "describe-hyper-parameter-tuning-job", TUNING,
        "--query", "HyperParameterTuningJobStatus").out());
    assertEquals(bestTrainingJob + "\n", ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING,
        "--sort-by", "FinalObjectiveMetricValue", "--query", "TrainingJobSummaries[0].TrainingJobName",
        "--output", "text").out());
    // a list of names in text: one TAB-separated line, as the AWS CLI prints a bare list
    String names = ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING,
        "--query", "TrainingJobSummaries[].TrainingJobName", "--output", "text").out();
    assertEquals(1, names.lines().count());
    assertEquals(25, names.trim().split("\t").length);
    // with table: the queried value
    String table = ok(home, "describe-hyper-parameter-tuning-job", TUNING, "--query", "TrainingJobStatusCounters",
        "--output", "table").out();
    assertTrue(table.lines().anyMatch(l -> l.matches("Completed\\s+25")), table);
    assertFalse(table.contains("HyperParameterTuningJobName"), table);
    String metric = ok(home, "metrics", bestTrainingJob, "--query", "length(Metrics[?metric_name=='validation:rmse'])",
        "--output", "text").out().trim();
    assertTrue(Integer.parseInt(metric) > 0, metric);
    assertEquals("null\n", ok(home, "describe-training-job", bestTrainingJob, "--query", "NoSuchKey").out());
  }

  @Test
  void anInvalidQueryIsBadInputNamingQueryTheExpressionAndTheParseError() {
    for (String verb : List.of("describe-hyper-parameter-tuning-job", "list-training-jobs-for-hyper-parameter-tuning-job",
        "analytics")) {
      assertBadInput(CliTestSupport.run(home, verb, TUNING, "--query", "TrainingJobStatusCounters.["), "--query",
          "got 'TrainingJobStatusCounters.['", "a JMESPath expression (");
    }
    assertBadInput(CliTestSupport.run(home, "metrics", bestTrainingJob, "--query", "Metrics[", "--output", "text"),
        "--query", "JMESPath");
    assertBadInput(CliTestSupport.run(home, "metrics", bestTrainingJob, "--query", "Metrics", "--output", "csv"),
        "--query", "csv");
    // a function given the wrong type is found only when it runs: also bad input naming --query
    assertBadInput(CliTestSupport.run(home, "describe-hyper-parameter-tuning-job", TUNING, "--query",
        "abs(HyperParameterTuningJobName)"), "--query");
  }

  // ---- 4. paging ----

  private static List<String> pageThrough(Path h, String field, String nameField, String... command) {
    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String token = null;
    do {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("--output", "json", "--max-results", "10"));
      if (token != null) {
        args.addAll(List.of("--next-token", token));
      }
      JsonNode page = json(ok(h, args.toArray(String[]::new)).out());
      page.get(field).forEach(s -> seen.add(s.get(nameField).asText()));
      sizes.add(page.get(field).size());
      token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
    } while (token != null && sizes.size() < 10);
    assertEquals(List.of(10, 10, 5), sizes);
    assertEquals(25, new HashSet<>(seen).size(), seen.toString());
    return seen;
  }

  @Test
  void pagingThroughTwentyFiveTrainingJobsByTenGivesTenTenFiveAndEveryJobOnce() {
    List<String> paged = pageThrough(home, "TrainingJobSummaries", "TrainingJobName",
        "list-training-jobs-for-hyper-parameter-tuning-job", TUNING);
    List<String> all = new ArrayList<>();
    json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING, "--output", "json").out())
        .get("TrainingJobSummaries").forEach(s -> all.add(s.get("TrainingJobName").asText()));
    assertEquals(all, paged);
    assertNull(json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING, "--output", "json").out())
        .get("NextToken"), "no NextToken without --max-results");
  }

  @Test
  void pagingThroughTwentyFiveTuningJobsByTenGivesTenTenFiveNewestFirst() {
    List<String> paged = pageThrough(listHome, "HyperParameterTuningJobSummaries", "HyperParameterTuningJobName",
        "list-hyper-parameter-tuning-jobs");
    assertEquals("list-24", paged.get(0));
    assertEquals("list-00", paged.get(24));
  }

  @Test
  void textAndTableShowTheNextTokenAndItWorksAsGiven() {
    String text = ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING, "--max-results", "10",
        "--output", "text").out();
    String last = text.lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.startsWith("NEXTTOKEN\t"), text);
    String token = last.substring("NEXTTOKEN\t".length());
    assertTrue(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING, "--max-results", "10")
        .out().contains("NextToken: " + token));
    String second = ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING, "--max-results", "10",
        "--next-token", token, "--query", "TrainingJobSummaries[].TrainingJobName", "--output", "text").out();
    assertEquals(10, second.lines().findFirst().orElseThrow().split("\t").length, second);
    assertTrue(second.lines().anyMatch(l -> l.startsWith("NEXTTOKEN\t")), second);
  }

  @Test
  void aTokenFromAnotherQueryOrNoTokenAtAllIsBadInputNamingNextToken() {
    String token = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING, "--max-results", "10",
        "--output", "json").out()).get("NextToken").asText();
    // another sort, another status filter, another command
    assertBadInput(CliTestSupport.run(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING,
        "--sort-order", "Descending", "--next-token", token), "--next-token", "same query");
    assertBadInput(CliTestSupport.run(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING,
        "--status-equals", "Completed", "--next-token", token), "--next-token", "same query");
    assertBadInput(CliTestSupport.run(listHome, "list-hyper-parameter-tuning-jobs", "--next-token", token),
        "--next-token", "same query");
    for (String junk : List.of("abc", "not base64!", "djE6MTA6", "")) {
      assertBadInput(CliTestSupport.run(home, "list-training-jobs-for-hyper-parameter-tuning-job", TUNING,
          "--next-token", junk), "--next-token", "a NextToken printed by this command");
    }
    assertBadInput(CliTestSupport.run(listHome, "list-hyper-parameter-tuning-jobs", "--max-results", "0"),
        "--max-results");
  }

  // ---- 5. list-hyper-parameter-tuning-jobs filters ----

  private static List<String> names(String... options) {
    List<String> args = new ArrayList<>(List.of("list-hyper-parameter-tuning-jobs", "--output", "json"));
    args.addAll(List.of(options));
    List<String> names = new ArrayList<>();
    json(ok(listHome, args.toArray(String[]::new)).out()).get("HyperParameterTuningJobSummaries")
        .forEach(s -> names.add(s.get("HyperParameterTuningJobName").asText()));
    return names;
  }

  @Test
  void theListFiltersSelectAndSortAsTheApiDoes() {
    assertEquals(List.of("list-23-Odd", "list-21-Odd"), names("--name-contains", "odd")
        .stream().filter(n -> n.startsWith("list-2")).toList());
    assertEquals(12, names("--name-contains", "ODD").size());
    assertEquals(List.of("list-20", "list-15-Odd", "list-10", "list-05-Odd", "list-00"), names("--status-equals", "Completed"));
    assertEquals(20, names("--status-equals", "InProgress").size());
    // after and before exclude the instant itself; ISO-8601, a zone-less time (UTC), epoch seconds
    assertEquals(List.of("list-04", "list-03-Odd"), names("--creation-time-after", "2026-01-01T02:00:00Z",
        "--creation-time-before", "2026-01-01T05:00:00"));
    long epoch = T0.plus(Duration.ofHours(22)).getEpochSecond();
    assertEquals(List.of("list-24", "list-23-Odd"), names("--creation-time-after", Long.toString(epoch)));
    assertEquals(List.of("list-24"), names("--last-modified-time-after", "2026-01-01T23:30:00+00:00"));
    assertEquals(24, names("--last-modified-time-before", "2026-01-02").size(), "list-24 is at 2026-01-02T00:00Z");
    assertEquals(List.of(), names("--last-modified-time-before", "2025-12-31"));
    // sort
    List<String> byName = names("--sort-by", "Name", "--sort-order", "Ascending");
    assertEquals("list-00", byName.get(0));
    assertEquals(byName.stream().sorted().toList(), byName);
    List<String> byStatus = names("--sort-by", "Status", "--sort-order", "Ascending");
    assertEquals("list-00", byStatus.get(0));
    assertEquals("list-01-Odd", byStatus.get(5));
    // a filtered, sorted list pages too
    String token = json(ok(listHome, "list-hyper-parameter-tuning-jobs", "--output", "json", "--name-contains", "odd",
        "--max-results", "5").out()).get("NextToken").asText();
    assertEquals(5, json(ok(listHome, "list-hyper-parameter-tuning-jobs", "--output", "json", "--name-contains", "odd",
        "--max-results", "5", "--next-token", token).out()).get("HyperParameterTuningJobSummaries").size());
  }

  @Test
  void badFilterValuesAreBadInputNamingTheOption() {
    assertBadInput(CliTestSupport.run(listHome, "list-hyper-parameter-tuning-jobs", "--status-equals", "Done"),
        "--status-equals", "InProgress, Completed, Failed, Stopping, Stopped");
    for (String option : List.of("--creation-time-after", "--creation-time-before", "--last-modified-time-after",
        "--last-modified-time-before")) {
      for (String value : List.of("yesterday", "2026-13-01", "2026-01-01T25:00:00Z", "12:00")) {
        assertBadInput(CliTestSupport.run(listHome, "list-hyper-parameter-tuning-jobs", option, value), option,
            "ISO-8601", "seconds since the epoch");
      }
    }
    assertBadInput(CliTestSupport.run(listHome, "list-hyper-parameter-tuning-jobs", "--sort-by", "LastModifiedTime"),
        "--sort-by", "Name, Status or CreationTime");
    assertBadInput(CliTestSupport.run(listHome, "list-hyper-parameter-tuning-jobs", "--sort-order", "Up"),
        "--sort-order", "Ascending or Descending");
  }

  // ---- 7. read-only verbs never create a store ----

  @Test
  void readVerbsNeverCreateTheHomeOrTheStore() throws Exception {
    Path fresh = shared.resolve("never-created");
    List<List<String>> calls = List.of(
        List.of("describe-hyper-parameter-tuning-job", "x"),
        List.of("list-hyper-parameter-tuning-jobs"),
        List.of("list-training-jobs-for-hyper-parameter-tuning-job", "x"),
        List.of("analytics", "x"),
        List.of("describe-training-job", "x"),
        List.of("logs", "x"),
        List.of("metrics", "x"),
        List.of("list-hyper-parameter-tuning-jobs", "--output", "text", "--query", "HyperParameterTuningJobSummaries"));
    for (List<String> call : calls) {
      CliTestSupport.Run r = CliTestSupport.run(fresh, call.toArray(String[]::new));
      assertTrue(r.exitCode() == 0 || r.exitCode() == 2, r::all);
      assertFalse(Files.exists(fresh), () -> call + " created " + fresh);
    }
    // an existing home without a store stays without one
    Path empty = Files.createDirectories(shared.resolve("empty-home"));
    for (List<String> call : calls) {
      CliTestSupport.run(empty, call.toArray(String[]::new));
      try (var s = Files.list(empty)) {
        assertEquals(List.of(), s.toList(), () -> call + " wrote into " + empty);
      }
    }
    assertEquals("", ok(fresh, "list-hyper-parameter-tuning-jobs", "--output", "text").out());
  }

}
