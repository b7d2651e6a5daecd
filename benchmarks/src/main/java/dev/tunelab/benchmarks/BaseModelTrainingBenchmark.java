package dev.tunelab.benchmarks;

import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.core.xgboost.XGBoostTrainer;
import dev.tunelab.datasets.BostonHousing;
import dev.tunelab.datasets.CourseSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training job of the SageMaker course's base model (max_depth 5, eta 0.2, gamma 4,
 * min_child_weight 6, subsample 0.8, reg:linear, 200 rounds, early stopping 10) on the bundled
 * split (seed 0: 227 train / 112 validation rows), one thread, through the built-in trainer with
 * its log lines, metrics and model file. Milliseconds per job. Compare with
 * {@code benchmarks/python/xgboost_base_model.py --existing} on the same files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BaseModelTrainingBenchmark {

  static final Map<String, String> BASE = Map.of("max_depth", "5", "eta", "0.2", "gamma", "4",
      "min_child_weight", "6", "subsample", "0.8", "objective", "reg:linear",
      "early_stopping_rounds", "10", "num_round", "200");

  XGBoostTrainer trainer;
  TrainingRequest request;

  @Setup
  public void setup() throws IOException {
    CourseSplit split = BostonHousing.courseSplit(BostonHousing.DEFAULT_SPLIT_SEED);
    Path dir = Files.createTempDirectory("tunelab-bench-");
    trainer = new XGBoostTrainer();
    request = new TrainingRequest("bench", BASE, Map.of("train", split.train(), "validation", split.validation()),
        Map.of("train", List.of(), "validation", List.of()), dir, Duration.ofHours(1), 1, () -> false);
  }

  @Benchmark
  public TrainingOutcome trainBaseModel() {
    return trainer.train(request, TrainingListener.NONE);
  }
}
