package dev.tunelab.core.sdk;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test fixture: the course's estimator, ranges and channels, built with the Java API. */
final class Course {
  private Course() { }

  static final Map<String, String> INPUTS = Map.of(
      "train", "dataset:boston/train", "validation", "dataset:boston/validation");

  /** The course's XGBoost estimator with its base hyperparameters. */
  static Estimator estimator(Path home) {
    return Estimator.xgboost().home(home)
        .setHyperparameters("max_depth", 5, "eta", 0.2, "gamma", 4, "min_child_weight", 6,
            "subsample", 0.8, "objective", "reg:linear", "early_stopping_rounds", 10, "num_round", 200);
  }

  /** The course's five ranges, in the notebook's order. */
  static Map<String, ParameterRange> ranges() {
    Map<String, ParameterRange> ranges = new LinkedHashMap<>();
    ranges.put("max_depth", new IntegerParameter(3, 12));
    ranges.put("eta", new ContinuousParameter(0.05, 0.5));
    ranges.put("min_child_weight", new IntegerParameter(2, 8));
    ranges.put("subsample", new ContinuousParameter(0.5, 0.9));
    ranges.put("gamma", new ContinuousParameter(0, 10));
    return ranges;
  }

  /** The course's tuner: validation:rmse minimised. */
  static HyperparameterTuner tuner(Path home) {
    return new HyperparameterTuner(estimator(home), "validation:rmse", ranges()).objectiveType("Minimize");
  }
}
