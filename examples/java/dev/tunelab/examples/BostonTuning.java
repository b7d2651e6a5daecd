package dev.tunelab.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.sdk.ContinuousParameter;
import dev.tunelab.core.sdk.Estimator;
import dev.tunelab.core.sdk.HyperparameterTuner;
import dev.tunelab.core.sdk.IntegerParameter;
import dev.tunelab.core.sdk.ParameterRange;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The SageMaker course's "Boston housing, XGBoost, hyperparameter tuning" lab written with
 * TuneLab's Java API, line for line like the notebook's Python SDK calls: an XGBoost estimator
 * with the course's base hyperparameters, five ranges, {@code validation:rmse} minimised, 20
 * training jobs, 3 at a time. It prints the best training job, its hyperparameters and objective,
 * then the five best rows of the analytics table.
 *
 * <p>Run it with the jar the {@code tunelab} launcher builds (Java's single-file launcher compiles
 * it on the fly):
 * <pre>
 * ./tunelab --help >/dev/null          # builds cli/target/tunelab-cli.jar once
 * java -cp cli/target/tunelab-cli.jar examples/java/dev/tunelab/examples/BostonTuning.java [HOME]
 * </pre>
 * {@code HOME} is the TuneLab home to record the jobs in (default {@code $TUNELAB_HOME}, else
 * {@code ~/.tunelab}); afterwards {@code ./tunelab describe-hyper-parameter-tuning-job NAME
 * --home HOME} shows the same job. The test suite runs this program (BostonTuningTest).
 */
public final class BostonTuning {

  private BostonTuning() { }

  /** @param args optional: the TuneLab home */
  public static void main(String[] args) {
    Path home = args.length > 0 ? Path.of(args[0]) : null;

    // xgb = sagemaker.estimator.Estimator(container, role, ...); xgb.set_hyperparameters(...)
    Estimator xgb = Estimator.xgboost()
        .home(home)
        .setHyperparameters("max_depth", 5, "eta", 0.2, "gamma", 4, "min_child_weight", 6,
            "subsample", 0.8, "objective", "reg:linear", "early_stopping_rounds", 10, "num_round", 200);

    // hyperparameter_ranges = {...}: the tuned names are dropped from the static hyperparameters
    Map<String, ParameterRange> ranges = new LinkedHashMap<>();
    ranges.put("max_depth", new IntegerParameter(3, 12));
    ranges.put("eta", new ContinuousParameter(0.05, 0.5));
    ranges.put("min_child_weight", new IntegerParameter(2, 8));
    ranges.put("subsample", new ContinuousParameter(0.5, 0.9));
    ranges.put("gamma", new ContinuousParameter(0, 10));

    HyperparameterTuner tuner = new HyperparameterTuner(xgb, "validation:rmse", ranges)
        .objectiveType("Minimize")   // the SDK's default is Maximize: an error metric needs Minimize
        .maxJobs(20)
        .maxParallelJobs(3)
        .randomSeed(42);

    // xgb_hyperparameter_tuner.fit({'train': s3_input_train, 'validation': s3_input_validation})
    tuner.fit(Map.of("train", "dataset:boston/train", "validation", "dataset:boston/validation"));

    JsonNode best = tuner.describe().get("BestTrainingJob");
    System.out.println("Tuning job: " + tuner.latestTuningJob());
    System.out.println("Best training job: " + tuner.bestTrainingJob());
    System.out.println("Tuned hyperparameters: " + best.get("TunedHyperParameters"));
    JsonNode objective = best.get("FinalHyperParameterTuningJobObjectiveMetric");
    System.out.println("Objective: " + objective.get("MetricName").asText() + " = " + objective.get("Value").asDouble());
    System.out.println("Model: " + tuner.bestEstimator().modelData());

    // tuner.analytics().dataframe().sort_values('FinalObjectiveValue').head(5)
    Table top = tuner.analytics().sortAscendingOn("FinalObjectiveValue").first(5);
    System.out.println(top.print());
  }
}
