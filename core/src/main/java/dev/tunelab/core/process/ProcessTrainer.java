package dev.tunelab.core.process;

import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingOutcome.Status;
import dev.tunelab.core.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import com.google.re2j.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Trainer} that runs a local program per training job, following SageMaker's
 * container contract ("bring your own training command", chosen when a spec's
 * {@code AlgorithmSpecification.ContainerEntrypoint} is present).
 *
 * <p>For each job it lays out {@code request.jobDir()} as SageMaker's {@code /opt/ml}
 * ({@code input/config/hyperparameters.json} with all values as strings,
 * {@code input/config/inputdataconfig.json}, {@code input/data/<channel>/} linking the channel
 * files, {@code model/}, {@code output/}), then runs entry point + {@code ContainerArguments} +
 * {@code --name value} per hyperparameter (sorted by name) in the command's working directory,
 * with the {@code SM_*} environment ({@code SM_BASE_DIR}, {@code SM_HPS_FILE},
 * {@code SM_MODEL_DIR}, {@code SM_OUTPUT_DIR}, {@code SM_OUTPUT_DATA_DIR},
 * {@code SM_CHANNEL_<NAME>}, {@code SM_CHANNELS}, {@code SM_HPS} (values as strings),
 * {@code SM_HP_<NAME>}, {@code SM_NUM_CPUS} = threads, {@code SM_CURRENT_HOST},
 * {@code SM_HOSTS}, {@code SM_TRAINING_ENV}), {@code OMP_NUM_THREADS} = threads and
 * {@code PYTHONUNBUFFERED=1} (so Python's metric lines arrive as they are printed; the spec's
 * environment may override these two).
 *
 * <p>Every stdout and stderr line goes to {@link TrainingListener#log}; each metric regex match
 * goes to {@link TrainingListener#metric} with a per-metric iteration counter from 0. The final
 * value of a metric is the last one emitted (SageMaker's definition); {@code roundsTrained} is
 * the number of values of the metric emitted most often. Exit code 0 is COMPLETED (even without
 * metrics: see {@link #objectiveNotEmitted}); a non-zero exit is FAILED with the text of
 * {@code output/failure} or the exit code and last log lines; a stop request, a listener
 * returning {@code false} or MaxRuntime kill the process tree (SIGTERM, SIGKILL after 2 s) and
 * end STOPPED. Runtimes are wall-clock seconds.
 *
 * <p>Job processes run in a session of their own and end with their job, with TuneLab, and even
 * after a kill -9 of TuneLab ({@link JobSession}, {@link Watchdog}, {@link OrphanReaper}). Their
 * environment is {@link JobEnvironment}'s, not TuneLab's whole environment.
 *
 * <p>Thread-safe: each job's state lives on its own thread; the only shared state is the
 * once-per-trainer orphan reaping, done under a lock before the first job starts.
 */
public final class ProcessTrainer implements Trainer {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessTrainer.class);
  /** Longest FailureReason taken from {@code output/failure}, in characters. */
  static final int MAX_REASON_CHARS = 1024;

  private final ProcessCommand command;
  private final List<MetricDefinition> metricDefinitions;
  private final List<Pattern> patterns;
  private final Map<String, String> channelContentTypes;
  private final java.util.concurrent.atomic.AtomicBoolean reaped = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * A trainer for a command and its metric definitions; channel content types are guessed from
   * file extensions.
   *
   * @throws SpecException naming {@code AlgorithmSpecification.MetricDefinitions[i]...} for a bad
   *     metric definition
   */
  public ProcessTrainer(ProcessCommand command, List<MetricDefinition> metricDefinitions) {
    this(command, metricDefinitions, Map.of());
  }

  /**
   * A trainer for a command and its metric definitions.
   *
   * @param channelContentTypes {@code InputDataConfig[].ContentType} by channel name, written to
   *                            {@code inputdataconfig.json}; channels missing here get a type
   *                            guessed from their files' extensions
   * @throws SpecException naming {@code AlgorithmSpecification.MetricDefinitions[i]...} for a bad
   *     metric definition
   */
  public ProcessTrainer(ProcessCommand command, List<MetricDefinition> metricDefinitions,
      Map<String, String> channelContentTypes) {
    this.command = Objects.requireNonNull(command, "command");
    this.patterns = MetricDefinition.validate(metricDefinitions);
    this.metricDefinitions = List.copyOf(metricDefinitions);
    this.channelContentTypes = Map.copyOf(channelContentTypes);
  }

  /** The command this trainer runs. */
  public ProcessCommand command() {
    return command;
  }

  /** The metric definitions, in spec order. */
  public List<MetricDefinition> metricDefinitions() {
    return metricDefinitions;
  }

  /**
   * Accepts any hyperparameter with a non-empty name and a non-null value: the program owns
   * its hyperparameters.
   *
   * @throws SpecException naming {@code HyperParameters.<name>} otherwise
   */
  @Override
  public void validate(Map<String, String> hyperParameters) {
    Objects.requireNonNull(hyperParameters, "hyperParameters");
    for (Map.Entry<String, String> e : hyperParameters.entrySet()) {
      String name = e.getKey();
      if (name == null || name.isEmpty()) {
        throw new SpecException("HyperParameters", name, "a non-empty hyperparameter name");
      }
      if (e.getValue() == null) {
        throw new SpecException("HyperParameters." + name, null, "a string value");
      }
    }
  }

  /**
   * The reason a tuning job gives a completed training job whose objective metric never
   * appeared, as SageMaker words it; empty when the outcome is not COMPLETED or has the metric.
   */
  public static Optional<String> objectiveNotEmitted(TrainingOutcome outcome, String objectiveMetric) {
    if (outcome.status() == Status.COMPLETED
        && !outcome.finalMetrics().containsKey(objectiveMetric)) {
      return Optional.of("objective metric " + objectiveMetric + " was not emitted");
    }
    return Optional.empty();
  }

  /** Runs the job to its end; never throws and never leaves its process running. */
  @Override
  public TrainingOutcome train(TrainingRequest request, TrainingListener listener) {
    TrainingListener out = listener == null ? TrainingListener.NONE : listener;
    try {
      return run(request, out);
    } catch (RuntimeException e) {
      LOG.warn("training job {} failed inside TuneLab", request.jobName(), e);
      return TrainingOutcome.failed("InternalError: " + e);
    }
  }

  private TrainingOutcome run(TrainingRequest request, TrainingListener listener) {
    JobFolder folder;
    try {
      folder = JobFolder.prepare(request, channelContentTypes);
    } catch (IOException | IllegalArgumentException e) {
      return TrainingOutcome.failed("ClientError: cannot prepare the job folder "
          + request.jobDir() + ": " + e.getMessage());
    }
    List<String> argv = new ArrayList<>();
    argv.add(command.resolvedProgram());
    argv.addAll(command.entrypoint().subList(1, command.entrypoint().size()));
    argv.addAll(command.arguments());
    argv.addAll(folder.hyperParameterArguments());

    reapOrphansOnce(request.jobDir().getParent());
    Map<String, String> inherited = JobEnvironment.inherited(System.getenv());
    String problem = JobSession.available() ? unstartable(argv.get(0), inherited.get("PATH")) : null;
    if (problem != null) {
      return TrainingOutcome.failed("AlgorithmError: cannot start command '"
          + command.entrypoint().get(0) + "': " + problem + startHint());
    }
    List<String> launch = new ArrayList<>(JobSession.prefix());
    launch.addAll(argv);
    ProcessBuilder pb = new ProcessBuilder(launch).directory(command.workingDirectory().toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(inherited);
    env.put("OMP_NUM_THREADS", Integer.toString(request.threads()));
    env.put("PYTHONUNBUFFERED", "1");
    env.putAll(command.environment());
    env.putAll(folder.environment(request.jobName(), request.threads()));
    String token = java.util.UUID.randomUUID().toString();
    env.put(ProcessTree.TOKEN_VARIABLE, token);
    env.put(Watchdog.OWNER_VARIABLE, Watchdog.ownerToken());
    Optional<Watchdog> watchdog = Watchdog.get();

    Process process;
    try {
      process = pb.start();
    } catch (IOException | RuntimeException e) {
      return TrainingOutcome.failed("AlgorithmError: cannot start command '"
          + command.entrypoint().get(0) + "': " + e.getMessage() + startHint());
    }
    boolean session = JobSession.available();
    watchdog.ifPresent(w -> w.register(process.pid()));
    try {
      JobProcessRecord.started(process.pid(), session, token).write(request.jobDir());
    } catch (IOException e) {
      LOG.warn("training job {}: cannot record its process in {}: {}", request.jobName(), request.jobDir(), e.toString());
    }
    LOG.debug("training job {}: started pid {}: {}", request.jobName(), process.pid(), argv);

    MetricExtractor extractor = new MetricExtractor(metricDefinitions, patterns);
    ProcessRun.Result r;
    try {
      r = new ProcessRun(process, listener, extractor, request.stopRequested(),
          request.maxRuntime(), token, session).watch(request.jobName());
    } finally {
      watchdog.ifPresent(w -> w.unregister(process.pid()));
      JobProcessRecord.delete(request.jobDir());
    }

    Map<String, Double> finals = extractor.lastValues();
    int rounds = extractor.maxCount();
    Path model = folder.modelArtifact();
    if (r.killed()) {
      return new TrainingOutcome(Status.STOPPED, finals, model, r.stopReason(), -1, rounds);
    }
    if (r.exitCode() == 0) {
      return new TrainingOutcome(Status.COMPLETED, finals, model, null, -1, rounds);
    }
    String reason = folder.failureText(MAX_REASON_CHARS);
    if (reason == null) {
      reason = exitReason(r);
    }
    return new TrainingOutcome(Status.FAILED, finals, model, reason, -1, rounds);
  }

  private static String exitReason(ProcessRun.Result r) {
    StringBuilder s = new StringBuilder("AlgorithmError: exit code ").append(r.exitCode());
    if (r.exitCode() > 128 && r.exitCode() < 128 + 65) {
      s.append(" (killed by signal ").append(r.exitCode() - 128).append(')');
    }
    s.append("; last lines: ");
    s.append(r.lastLines().isEmpty() ? "(no output)" : String.join(" | ", r.lastLines()));
    return s.length() > MAX_REASON_CHARS ? s.substring(0, MAX_REASON_CHARS) : s.toString();
  }

  /**
   * Ends the processes of jobs left by a TuneLab process that died (see {@link OrphanReaper}),
   * once per trainer and before its first job starts, so a resumed tuning job never runs next to
   * the jobs of the killed run.
   */
  private void reapOrphansOnce(Path jobsRoot) {
    synchronized (reaped) {
      if (!reaped.get() && jobsRoot != null) {
        int n = OrphanReaper.reap(jobsRoot);
        if (n > 0) {
          LOG.info("ended the processes of {} job(s) left running by a TuneLab process that died", n);
        }
        reaped.set(true);
      }
    }
  }

  /**
   * Why the program cannot be started, or {@code null} when it can: checked here because
   * {@code setsid} would report it only as its own exit code. A bare name is looked up on
   * {@code path} as execvp does.
   */
  private String unstartable(String program, String path) {
    if (program.contains("/")) {
      Path p = Path.of(program);
      if (!Files.exists(p)) {
        return "No such file or directory";
      }
      return Files.isRegularFile(p) && Files.isExecutable(p) ? null : "Permission denied";
    }
    for (String dir : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":", -1)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
      if (!dir.isEmpty() && !Path.of(dir).isAbsolute()) {
        p = command.workingDirectory().resolve(p);
      }
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return null;
      }
    }
    return "No such file or directory (not found on the PATH)";
  }

  private String startHint() {
    String program = command.entrypoint().get(0);
    if (!program.contains("/")) {
      Path local = command.workingDirectory().resolve(program);
      if (Files.isRegularFile(local)) {
        return " (a program in the spec's folder needs a path: ./" + program + ")";
      }
    }
    return "";
  }
}
