package dev.tunelab.benchmarks.quality;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The course's tuning spec file ({@code examples/boston-xgboost-hpo.json}) and its variants: a
 * copy with another name, strategy, resource limits, seed, early stopping type or Hyperband
 * config, parsed as {@code tunelab tune} would parse it (relative paths against the file's folder).
 */
public final class CourseSpec {
  /** The spec file, relative to the repository root. */
  public static final Path DEFAULT_FILE = Path.of("examples", "boston-xgboost-hpo.json");

  private final ObjectNode json;
  private final Path baseDir;

  private CourseSpec(ObjectNode json, Path baseDir) {
    this.json = json;
    this.baseDir = baseDir;
  }

  /**
   * Reads a tuning spec file.
   *
   * @throws IllegalArgumentException when the file does not exist (run from the repository root)
   */
  public static CourseSpec load(Path file) {
    return load(file, 0);
  }

  /**
   * Reads a tuning spec file and, when {@code nthread > 0}, adds {@code nthread} to its static
   * hyperparameters.
   *
   * @throws IllegalArgumentException when the file does not exist (run from the repository root)
   */
  public static CourseSpec load(Path file, int nthread) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--spec: " + file.toAbsolutePath()
          + " is not a file; give the course's spec, e.g. examples/boston-xgboost-hpo.json (run from the repository root)");
    }
    try {
      ObjectNode json = (ObjectNode) Json.mapper().readTree(file.toFile());
      if (nthread > 0) {
        ((ObjectNode) json.get("TrainingJobDefinition").get("StaticHyperParameters")).put("nthread", Integer.toString(nthread));
      }
      return new CourseSpec(json, file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec with the variant's settings and this tuning job name, parsed and validated. */
  public TuningJobSpec variant(String name, TuningVariant v) {
    ObjectNode s = json.deepCopy();
    s.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = (ObjectNode) s.get("HyperParameterTuningJobConfig");
    cfg.put("Strategy", v.strategy());
    cfg.put("RandomSeed", v.seed());
    cfg.put("TrainingJobEarlyStoppingType", v.earlyStopping() ? "Auto" : "Off");
    ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", v.jobs()).put("MaxParallelTrainingJobs", v.parallel());
    cfg.remove("StrategyConfig");
    if (v.minResource() > 0) {
      cfg.putObject("StrategyConfig").putObject("HyperbandStrategyConfig")
          .put("MinResource", v.minResource()).put("MaxResource", v.maxResource());
    }
    return TuningJobSpecParser.parse(JsonSpecReader.parse(s.toString(), "variant " + name, n -> { }), baseDir);
  }
}
