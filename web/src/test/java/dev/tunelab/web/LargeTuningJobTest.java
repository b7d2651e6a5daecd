package dev.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 training jobs in one tuning job: the tuning job document is built and written as JSON
 * quickly. Prints the times (the first build includes the importance, later ones reuse it); no
 * timed assertion, the machine may be busy.
 */
class LargeTuningJobTest {

  @TempDir Path home;

  @Test
  void theDocumentOfTwoThousandJobsBuildsQuickly() {
    try (JobStore store = JobStore.openSqlite(home)) {
      Stores.syntheticJob(store, "big", "Bayesian", 2000);
      DashboardData data = new DashboardData(store);
      long t0 = System.nanoTime();
      ObjectNode first = data.tuningJob("big");
      int bytes = Json.write(first).length();
      long firstMs = (System.nanoTime() - t0) / 1_000_000;
      long[] later = new long[9];
      for (int i = 0; i < later.length; i++) {
        long t = System.nanoTime();
        Json.write(data.tuningJob("big"));
        later[i] = (System.nanoTime() - t) / 1_000_000;
      }
      Arrays.sort(later);
      System.out.printf("2000 training jobs: tuning job document %d bytes; first build with importance %d ms,"
          + " then median %d ms (min %d, max %d)%n", bytes, firstMs, later[4], later[0], later[8]);
      assertEquals(2000, first.get("TrainingJobs").size());
      assertEquals(6, first.get("Importance").get("Values").size());
    }
  }
}
