package dev.tunelab.core.process;

import dev.tunelab.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test listener: records log lines and metric observations; can ask to stop at a metric. */
final class RecordingListener implements TrainingListener {

  /** One observed metric value. */
  record Metric(String name, int iteration, double value) { }

  /** Decides whether training continues after an observation. */
  interface Rule {
    boolean proceed(Metric m);
  }

  final List<String> lines = new ArrayList<>();
  final List<Metric> metrics = new ArrayList<>();
  final List<String> threads = new ArrayList<>();
  private final Rule rule;

  RecordingListener() {
    this(m -> true);
  }

  RecordingListener(Rule rule) {
    this.rule = rule;
  }

  @Override
  public synchronized void log(String line) {
    lines.add(line);
    threads.add(Thread.currentThread().getName());
  }

  @Override
  public synchronized boolean metric(String name, int iteration, double value) {
    Metric m = new Metric(name, iteration, value);
    metrics.add(m);
    return rule.proceed(m);
  }

  synchronized List<Metric> metrics(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).toList();
  }

  /** The text after {@code prefix} on the first line starting with it. */
  synchronized Optional<String> after(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
        .findFirst();
  }
}
