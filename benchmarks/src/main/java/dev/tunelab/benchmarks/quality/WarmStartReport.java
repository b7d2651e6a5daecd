package dev.tunelab.benchmarks.quality;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.tuning.TuningObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warm start on the course's spec: for each seed, a parent tuning job (20 jobs, 3 in parallel)
 * and a child warm-started from it with IdenticalDataAndAlgorithm (10 jobs, 1 at a time), and a
 * TransferLearning child whose eta range is narrowed to [0.05, 0.3], and, for comparison, a cold
 * child (same 10 jobs, no warm start). Prints the parent's best, each child's own best (its
 * BestTrainingJob) and whether it is at least as good as the parent's. (The children's
 * OverallBestTrainingJob includes the parent's jobs, so it always is.)
 *
 * <p>Run: {@code java -cp benchmarks/target/tunelab-benchmarks.jar
 * dev.tunelab.benchmarks.quality.WarmStartReport [--seeds N]}
 */
public final class WarmStartReport {

  private WarmStartReport() { }

  public static void main(String[] args) throws Exception {
    int seeds = args.length >= 2 && args[0].equals("--seeds") ? Integer.parseInt(args[1]) : 5;
    Path home = Files.createTempDirectory("tunelab-warmstart-");
    System.out.println("## WarmStartReport (parent: 20 jobs, 3 parallel; children: 10 jobs, 1 at a time)");
    System.out.println();
    System.out.println("| seed | parent best | identical child best | >= parent? | transfer child best | >= parent? | cold child best | >= parent? |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
    int identicalOk = 0;
    int transferOk = 0;
    int coldOk = 0;
    try (JobStore store = JobStore.openSqlite(home)) {
      TuningJobRunner runner = new TuningJobRunner(store, home);
      for (int s = 1; s <= seeds; s++) {
        double parent = run(runner, store, spec("p" + s, 20, 3, s, null, null));
        double identical = run(runner, store, spec("i" + s, 10, 1, 100 + s, "IdenticalDataAndAlgorithm", "p" + s));
        ObjectNode transfer = spec("t" + s, 10, 1, 200 + s, "TransferLearning", "p" + s);
        ((ObjectNode) transfer.get("HyperParameterTuningJobConfig").get("ParameterRanges")
            .get("ContinuousParameterRanges").get(0)).put("MaxValue", "0.3");
        double transferBest = run(runner, store, transfer);
        double cold = run(runner, store, spec("c" + s, 10, 1, 100 + s, null, null));
        identicalOk += identical <= parent ? 1 : 0;
        transferOk += transferBest <= parent ? 1 : 0;
        coldOk += cold <= parent ? 1 : 0;
        System.out.printf(Locale.ROOT, "| %d | %.5f | %.5f | %s | %.5f | %s | %.5f | %s |%n", s, parent, identical,
            identical <= parent ? "yes" : "no", transferBest, transferBest <= parent ? "yes" : "no",
            cold, cold <= parent ? "yes" : "no");
      }
    }
    System.out.printf(Locale.ROOT, "%nAt least as good as the parent's best: identical child %d of %d seeds, "
        + "transfer child %d of %d, cold child %d of %d.%n", identicalOk, seeds, transferOk, seeds, coldOk, seeds);
  }

  private static ObjectNode spec(String name, int jobs, int parallel, long seed, String warmType, String parent)
      throws IOException {
    ObjectNode s = (ObjectNode) Json.mapper().readTree(CourseSpec.DEFAULT_FILE.toFile());
    s.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = (ObjectNode) s.get("HyperParameterTuningJobConfig");
    ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", jobs).put("MaxParallelTrainingJobs", parallel);
    cfg.put("RandomSeed", seed);
    if (warmType != null) {
      s.putObject("WarmStartConfig").put("WarmStartType", warmType)
          .putArray("ParentHyperParameterTuningJobs").addObject().put("HyperParameterTuningJobName", parent);
    }
    return s;
  }

  private static double run(TuningJobRunner runner, JobStore store, ObjectNode spec) {
    var parsed = TuningJobSpecParser.parse(JsonSpecReader.parse(spec.toString(), "report", n -> { }),
        CourseSpec.DEFAULT_FILE.toAbsolutePath().getParent());
    var rec = runner.run(runner.prepare(parsed), TuningObserver.NONE, new AtomicBoolean());
    TrainingJobRecord best = store.trainingJob(rec.bestTrainingJob()).orElseThrow();
    return best.objectiveValue();
  }
}
