package dev.tunelab.core.xgboost;

import dev.tunelab.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** Test listener: records log lines and metric observations; may ask to stop. */
final class RecordingListener implements TrainingListener {

  /** One {@code metric(...)} call. */
  record Observation(String name, int iteration, double value) { }

  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  final List<Observation> metrics = Collections.synchronizedList(new ArrayList<>());
  private final Predicate<Observation> stopWhen;

  RecordingListener() {
    this(o -> false);
  }

  RecordingListener(Predicate<Observation> stopWhen) {
    this.stopWhen = stopWhen;
  }

  @Override
  public void log(String line) {
    lines.add(line);
  }

  @Override
  public boolean metric(String name, int iteration, double value) {
    Observation o = new Observation(name, iteration, value);
    metrics.add(o);
    return !stopWhen.test(o);
  }

  List<Double> series(String name) {
    return metrics.stream().filter(o -> o.name().equals(name)).map(Observation::value).toList();
  }
}
