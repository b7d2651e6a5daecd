package dev.tunelab.spark;

import dev.tunelab.core.executor.ExecutorSettings;
import dev.tunelab.core.executor.TrainingExecutor;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.datasets.Dataset;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A Spark application that runs a tuning job's training jobs: it owns the {@link JavaSparkContext}
 * (one per tuning job), the {@link RelayServer} tasks report to, and the broadcasts of the parsed
 * channels (each dataset once, however many jobs use it). Channels larger than
 * {@code tunelab.spark.broadcastLimitBytes} (default 512 MiB) are not broadcast: each executor
 * reads them from the channel's path, which it must be able to see. A task asked to stop has
 * {@code tunelab.spark.stopGraceSeconds} (default 10) to end on its own before its Spark job group
 * is cancelled.
 *
 * <p>Settings TuneLab chooses unless {@code --conf} says otherwise: {@code spark.ui.enabled=false},
 * {@code spark.task.maxFailures=1} (TuneLab's RetryStrategy decides about retries), the FAIR
 * scheduler (concurrent jobs share the cores), and the driver bound to {@code 127.0.0.1} for a
 * {@code local} master.
 */
final class SparkTrainingExecutor implements TrainingExecutor {

  /** Spark setting (read by TuneLab) for the largest channel that is broadcast, in bytes. */
  static final String BROADCAST_LIMIT = "tunelab.spark.broadcastLimitBytes";
  /** Spark setting (read by TuneLab) for the port of the relay on the driver; 0 means any. */
  static final String RELAY_PORT = "tunelab.spark.relayPort";
  /**
   * Spark setting (read by TuneLab): seconds a task may take to stop on its own once asked,
   * before its Spark job group is cancelled (default 10).
   */
  static final String STOP_GRACE = "tunelab.spark.stopGraceSeconds";
  private static final long DEFAULT_BROADCAST_LIMIT = 512L << 20;

  private final JavaSparkContext context;
  private final RelayServer relay;
  private final long broadcastLimit;
  private final long stopGraceNanos;
  private final String master;
  private final Map<Dataset, Broadcast<DatasetWire>> broadcasts = new IdentityHashMap<>();

  SparkTrainingExecutor(ExecutorSettings settings) {
    SparkConf conf = new SparkConf(true);
    if (settings.master() != null) {
      conf.setMaster(settings.master());
    }
    if (!conf.contains("spark.master")) {
      throw new IllegalArgumentException("--master: no Spark master was given and spark.master is not set;"
          + " give one such as local[2], spark://HOST:7077 or yarn (spark-submit sets it from its own --master)");
    }
    conf.setIfMissing("spark.app.name", "tunelab " + settings.applicationName());
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.task.maxFailures", "1");
    conf.setIfMissing("spark.scheduler.mode", "FAIR");
    boolean local = conf.get("spark.master").startsWith("local");
    if (local) {
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    settings.conf().forEach(conf::set);
    broadcastLimit = conf.getLong(BROADCAST_LIMIT, DEFAULT_BROADCAST_LIMIT);
    stopGraceNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(conf.getLong(STOP_GRACE, 10));
    master = conf.get("spark.master");
    context = new JavaSparkContext(conf);
    try {
      String host = local ? "127.0.0.1" : conf.get("spark.driver.host", context.sc().conf().get("spark.driver.host"));
      relay = new RelayServer(host, conf.getInt(RELAY_PORT, 0));
    } catch (RuntimeException e) {
      context.stop();
      throw e;
    }
  }

  @Override
  public Trainer place(TrainingJobSpec spec, Trainer local) {
    return new SparkTrainer(this, spec, local);
  }

  @Override
  public String describe() {
    return "Spark " + master;
  }

  JavaSparkContext context() {
    return context;
  }

  RelayServer relay() {
    return relay;
  }

  /** How long a task may take to stop once asked before its job group is cancelled. */
  long stopGraceNanos() {
    return stopGraceNanos;
  }

  /** The dataset's broadcast (made on first use), or {@code null} when it is too large to broadcast. */
  synchronized Broadcast<DatasetWire> broadcast(Dataset data) {
    if (DatasetWire.sizeOf(data) > broadcastLimit) {
      return null;
    }
    return broadcasts.computeIfAbsent(data, d -> context.broadcast(DatasetWire.of(d)));
  }

  @Override
  public void close() {
    relay.close();
    context.stop();
  }
}
