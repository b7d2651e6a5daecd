package dev.tunelab.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Test listener shared by the trainers' tests: records log lines (with the thread that logged
 * each) and metric observations, and asks to stop at the first observation a rule matches.
 */
public final class RecordingListener implements TrainingListener {

  /** One {@code metric(...)} call. */
  public record Metric(String name, int iteration, double value) { }

  /** Log lines in arrival order, tabs kept. */
  public final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  /** Every metric observation in arrival order. */
  public final List<Metric> metrics = Collections.synchronizedList(new ArrayList<>());
  /** The name of the thread that delivered each log line. */
  public final List<String> threads = Collections.synchronizedList(new ArrayList<>());
  private final Predicate<Metric> stopWhen;

  /** A listener that never asks to stop. */
  public RecordingListener() {
    this(m -> false);
  }

  /** A listener that asks to stop (returns false) at every observation {@code stopWhen} matches. */
  public RecordingListener(Predicate<Metric> stopWhen) {
    this.stopWhen = stopWhen;
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
    return !stopWhen.test(m);
  }

  /** The observations of one metric, in order. */
  public synchronized List<Metric> metrics(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).toList();
  }

  /** The values of one metric, in order. */
  public synchronized List<Double> series(String name) {
    return metrics(name).stream().map(Metric::value).toList();
  }

  /** The text after {@code prefix} on the first line starting with it. */
  public synchronized Optional<String> after(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
        .findFirst();
  }
}
