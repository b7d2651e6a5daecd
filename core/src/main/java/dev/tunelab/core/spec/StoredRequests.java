package dev.tunelab.core.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import java.nio.file.Path;

/**
 * The one reader of stored requests: a stored tuning job's CreateHyperParameterTuningJob request
 * (and a stored training job's CreateTrainingJob request) is parsed once, by the same strict
 * parser as a new request, into the typed spec. Describe, {@code attach}, resume and warm start
 * all derive what they need from that spec, so they agree on every default.
 *
 * <p>A stored request was valid when it was created, so a failure here means the store holds
 * something this version cannot read; it is reported as a {@link SpecException} naming the
 * stored job.
 */
public final class StoredRequests {
  private StoredRequests() { }

  /**
   * The typed spec of a stored tuning job.
   *
   * @param tuning  the stored tuning job
   * @param baseDir the folder its relative channel paths resolve against (the job's stored base
   *                directory), or {@code null} for the working directory when no path is resolved
   */
  public static TuningJobSpec tuningJob(TuningJobRecord tuning, Path baseDir) {
    return TuningJobSpecParser.parse(reader(tuning.specJson(), tuning.name()), base(baseDir));
  }

  /**
   * The typed spec of a stored tuning job, its relative channel paths resolved against the folder
   * it was created from (its stored {@link TuningJobAttribute#BASE_DIR}): what resume and warm
   * start need.
   */
  public static TuningJobSpec tuningJob(JobStore store, TuningJobRecord tuning) {
    Path baseDir = store.tuningJobAttribute(tuning.name(), TuningJobAttribute.BASE_DIR).map(Path::of).orElse(null);
    return tuningJob(tuning, baseDir);
  }

  /**
   * The stored tuning request exactly as stored (what SageMaker adds included), for describe to
   * echo; read values from {@link #tuningJob} instead.
   */
  public static ObjectNode tuningRequestAsStored(TuningJobRecord tuning) {
    return reader(tuning.specJson(), tuning.name()).copy();
  }

  /**
   * The training job spec a stored training job ran with: for a job of a tuning job, the tuning
   * job's TrainingJobDefinition (read by {@link #tuningJob}); for a lone job, its own stored
   * CreateTrainingJob request. The job's own hyperparameters are in its record.
   *
   * @param job     the stored training job
   * @param tuning  its tuning job's record, or {@code null} for a lone job
   * @param baseDir as for {@link #tuningJob}
   */
  public static TrainingJobSpec trainingJob(TrainingJobRecord job, TuningJobRecord tuning, Path baseDir) {
    if (tuning != null) {
      return tuningJob(tuning, baseDir).definition();
    }
    return TrainingJobSpecParser.parse(reader(job.specJson(), job.name()), base(baseDir));
  }

  private static JsonSpecReader reader(String json, String jobName) {
    return JsonSpecReader.parse(json, "stored spec of " + jobName, notice -> { });
  }

  private static Path base(Path baseDir) {
    return baseDir != null ? baseDir : Path.of(".");
  }
}
