package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.optimizer.Observation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WarmStart on its own: the parents' finished jobs become observations in the child's space
 * (read back through the one reader of stored requests), and a parent that cannot be used is
 * refused naming the WarmStartConfig field, before anything is recorded.
 */
class WarmStartTest extends FakeTuningTest {

  private static final String PARENT_FIELD = "WarmStartConfig.ParentHyperParameterTuningJobs[0].HyperParameterTuningJobName";

  @BeforeEach
  void parentRan() {
    runner(ResumeTest::falling);
    run(spec("parent", "Random", 6, 1));
  }

  private static ObjectNode child(String type, int maxX) {
    ObjectNode s = spec("child", "Bayesian", 5, 1);
    ((ObjectNode) config(s).get("ParameterRanges").get("IntegerParameterRanges").get(0))
        .put("MaxValue", Integer.toString(maxX));
    ObjectNode w = s.putObject("WarmStartConfig").put("WarmStartType", type);
    w.putArray("ParentHyperParameterTuningJobs").addObject().put("HyperParameterTuningJobName", "parent");
    return s;
  }

  /** x -> objective of the parent's finished jobs. */
  private Map<Integer, Double> parentResults(int maxX) {
    Map<Integer, Double> m = new TreeMap<>();
    for (TrainingJobRecord j : jobs("parent")) {
      if (x(j) <= maxX) {
        m.put(x(j), j.objectiveValue());
      }
    }
    return m;
  }

  private static Map<Integer, Double> asMap(List<Observation> observations) {
    Map<Integer, Double> m = new TreeMap<>();
    for (Observation o : observations) {
      assertEquals(Observation.Status.COMPLETED, o.status());
      m.put(((Number) o.configuration().values().get("x")).intValue(), o.value());
    }
    return m;
  }

  @Test
  void everyFinishedParentJobBecomesAnObservationWithItsObjective() {
    List<Observation> obs = WarmStart.observations(store, parse(child("IdenticalDataAndAlgorithm", 40)));
    assertEquals(6, obs.size());
    assertEquals(parentResults(40), asMap(obs));
  }

  @Test
  void parentJobsOutsideTheChildsRangesAreLeftOut() {
    int maxX = 20;
    Map<Integer, Double> inside = parentResults(maxX);
    assertTrue(inside.size() < 6, "the fixture's seed puts some parent jobs above x=" + maxX + ": " + parentResults(40));
    assertEquals(inside, asMap(WarmStart.observations(store, parse(child("TransferLearning", maxX)))));
  }

  @Test
  void aParentThatDoesNotExistOrOptimisesAnotherObjectiveIsRefusedNamingTheField() {
    ObjectNode missing = child("IdenticalDataAndAlgorithm", 40);
    ((ObjectNode) missing.get("WarmStartConfig").get("ParentHyperParameterTuningJobs").get(0))
        .put("HyperParameterTuningJobName", "nobody");
    SpecException e = assertThrows(SpecException.class, () -> WarmStart.observations(store, parse(missing)));
    assertEquals(PARENT_FIELD, e.field());
    assertTrue(e.getMessage().contains("nobody"), e.getMessage());

    ObjectNode maximize = child("IdenticalDataAndAlgorithm", 40);
    ((ObjectNode) config(maximize).get("HyperParameterTuningJobObjective")).put("Type", "Maximize");
    SpecException other = assertThrows(SpecException.class, () -> WarmStart.observations(store, parse(maximize)));
    assertEquals(PARENT_FIELD, other.field());
    assertTrue(other.getMessage().contains("same objective"), other.getMessage());
  }

  @Test
  void identicalDataNeedsTheSameInputData() {
    ObjectNode s = child("IdenticalDataAndAlgorithm", 40);
    ((ObjectNode) s.get("TrainingJobDefinition").get("InputDataConfig").get(0).get("DataSource").get("S3DataSource"))
        .put("S3Uri", "other.csv");
    SpecException e = assertThrows(SpecException.class, () -> WarmStart.observations(store, parse(s)));
    assertEquals(PARENT_FIELD, e.field());
    assertTrue(e.getMessage().contains("same input data"), e.getMessage());
    ObjectNode transfer = child("TransferLearning", 40);
    ((ObjectNode) transfer.get("TrainingJobDefinition").get("InputDataConfig").get(0).get("DataSource")
        .get("S3DataSource")).put("S3Uri", "other.csv");
    assertEquals(6, WarmStart.observations(store, parse(transfer)).size(), "TransferLearning may change the data");
  }
}
