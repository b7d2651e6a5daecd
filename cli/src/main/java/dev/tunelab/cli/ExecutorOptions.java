package dev.tunelab.cli;

import dev.tunelab.core.executor.ExecutorSettings;
import dev.tunelab.core.executor.TrainingExecutor;
import dev.tunelab.core.executor.TrainingExecutorProvider;
import dev.tunelab.core.executor.TrainingExecutors;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.tuning.TuningJobRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --executor}, {@code --master} and {@code --conf}: where {@code tune} runs its training
 * jobs. {@code local} (the default) is this process's training threads; another name is a
 * {@link TrainingExecutorProvider} found on the class path (the {@code spark} module's, which the
 * launcher adds when it sees {@code --executor spark}).
 */
final class ExecutorOptions {

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--executor", paramLabel = "local|spark", defaultValue = TrainingExecutors.LOCAL,
      description = "Where training jobs run: local (this process's training threads; the default) or spark"
          + " (each training job as one Spark task, with the optimizer, the scheduler and the store here)."
          + " MaxParallelTrainingJobs is then the number of Spark jobs at once.")
  String executor;

  @Option(names = "--master", paramLabel = "URL", description = "With --executor spark: the Spark master, as"
      + " spark-submit's --master (local[N], spark://HOST:7077, yarn, k8s://...). Leave it out under"
      + " spark-submit, which sets it.")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "With --executor spark: a Spark setting, as"
      + " spark-submit's --conf (repeat it). TuneLab reads tunelab.spark.broadcastLimitBytes (channels up to this"
      + " size are broadcast, larger ones read by each executor from their path; default 536870912) and"
      + " tunelab.spark.relayPort (the driver's port that tasks send their logs and metrics to; default any) and"
      + " tunelab.spark.stopGraceSeconds (how long a task may take to stop once asked before its Spark job is"
      + " cancelled; default 10).")
  Map<String, String> conf = new LinkedHashMap<>();

  /** Refuses Spark options without Spark, and a background run on Spark, before anything is read. */
  void check(boolean noWait) {
    boolean local = TrainingExecutors.LOCAL.equals(executor);
    if (local && master != null) {
      throw usage("--master '" + TerminalText.escape(master) + "' applies to --executor spark only; add"
          + " --executor spark, or leave --master out to train on this machine's threads");
    }
    if (local && !conf.isEmpty()) {
      throw usage("--conf applies to --executor spark only; add --executor spark, or leave --conf out");
    }
    if (!local && noWait) {
      throw usage("--no-wait runs the tuning job in a background process on this machine's threads and cannot"
          + " take --executor " + TerminalText.escape(executor) + "; run it in the foreground (or under"
          + " spark-submit), or leave --executor out");
    }
    if (!local && provider().isEmpty()) {
      List<String> names = Stream.concat(Stream.of(TrainingExecutors.LOCAL),
          TrainingExecutors.installed().stream().map(TrainingExecutorProvider::name)).toList();
      String hint = "spark".equals(executor)
          ? "; the Spark executor's jars are not on the class path: run through ./tunelab (it builds the spark"
          + " module and adds them when it sees --executor spark) or under spark-submit with tunelab-spark.jar"
          : "";
      throw usage("--executor '" + TerminalText.escape(executor) + "' is not available; accepted: "
          + names.stream().collect(Collectors.joining(", ")) + hint);
    }
  }

  private Optional<TrainingExecutorProvider> provider() {
    return TrainingExecutors.find(executor);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * Starts the executor for a tuning job (nothing for {@code local}, or for a dry run, which
   * trains nothing).
   */
  Placement open(TuningJobSpec job, boolean dryRun) {
    if (TrainingExecutors.LOCAL.equals(executor) || dryRun) {
      return new Placement(null);
    }
    ExecutorSettings settings = new ExecutorSettings(master, conf, job.name(), job.maxParallelJobs());
    try {
      return new Placement(provider().orElseThrow().open(settings));
    } catch (IllegalArgumentException e) {
      throw usage(TerminalText.escape(e.getMessage()));
    }
  }

  /** The executor a tuning job runs on, closed when the command ends. */
  static final class Placement implements AutoCloseable {
    private final TrainingExecutor executor;

    private Placement(TrainingExecutor executor) {
      this.executor = executor;
    }

    /** A runner whose training jobs run on this executor. */
    TuningJobRunner runner(JobStore store, Path home) {
      if (executor == null) {
        return new TuningJobRunner(store, home);
      }
      return new TuningJobRunner(store, home, s -> executor.place(s, TrainingJobRunner.trainerOf(s)),
          Clock.systemUTC());
    }

    /** Words for the console's first line: empty locally, else for example {@code ", on Spark local[2]"}. */
    String where() {
      return executor == null ? "" : ", on " + TerminalText.escape(executor.describe());
    }

    @Override
    public void close() {
      if (executor != null) {
        executor.close();
      }
    }
  }
}
