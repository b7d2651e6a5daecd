package dev.tunelab.cli;

import dev.tunelab.optimizer.benchmark.BenchmarkTable;
import dev.tunelab.optimizer.benchmark.BenchmarkResult;
import dev.tunelab.optimizer.benchmark.BenchmarkRunner;
import dev.tunelab.optimizer.benchmark.TestFunction;
import dev.tunelab.optimizer.benchmark.TestFunctions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab benchmark}: runs strategies on standard test functions with known optima over
 * several seeds and prints each seed's best-so-far trajectory summary (median and quartiles at
 * each budget), or with {@code --json} the full JSON document on stdout. A thin wrapper over
 * {@link BenchmarkRunner}.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = "Run optimisation strategies on test functions with known optima over several seeds.")
public final class BenchmarkCommand implements Callable<Integer> {

  /** Most evaluations per seed (as many as a tuning job's MaxNumberOfTrainingJobs). */
  static final int MAX_TRIALS = 10_000;
  /** Most seeds. */
  static final int MAX_SEEDS = 1_000;
  /** Most proposals in flight (as a tuning job's MaxParallelTrainingJobs). */
  static final int MAX_PARALLEL = 100;

  @Spec
  CommandSpec spec;

  @Option(names = "--function", split = ",", defaultValue = "branin",
      description = "Test function(s), comma-separated, or 'all': ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = FunctionNames.class)
  List<String> functions;

  @Option(names = "--strategy", split = ",", defaultValue = "Bayesian",
      description = "Strategy or strategies, comma-separated: Bayesian, Random. Default: ${DEFAULT-VALUE}.")
  List<String> strategies;

  @Option(names = "--trials", defaultValue = "50", description = "Evaluations per seed, 1 to " + MAX_TRIALS + ". Default: ${DEFAULT-VALUE}.")
  int trials;

  @Option(names = "--seeds", defaultValue = "20", description = "Number of seeds (0..N-1), 1 to " + MAX_SEEDS + ". Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--parallel", defaultValue = "1",
      description = "Proposals in flight (simulated, deterministic), 1 to " + MAX_PARALLEL + ". Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Option(names = "--json", description = "Emit JSON on stdout instead of a table.")
  boolean json;

  /** Completion candidates for --function. */
  static final class FunctionNames extends ArrayList<String> {
    FunctionNames() {
      super(TestFunctions.names());
    }
  }

  @Override
  public Integer call() {
    OptionBounds.check("--trials", trials, 1, MAX_TRIALS);
    OptionBounds.check("--seeds", seeds, 1, MAX_SEEDS);
    OptionBounds.check("--parallel", parallel, 1, MAX_PARALLEL);
    List<TestFunction> fs = new ArrayList<>();
    for (String name : functions) {
      if (name.equals("all")) {
        fs.addAll(TestFunctions.all());
        continue;
      }
      try {
        fs.add(TestFunctions.byName(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--function: " + e.getMessage());
      }
    }
    for (String s : strategies) {
      if (!s.equals("Bayesian") && !s.equals("Random")) {
        throw new ParameterException(spec.commandLine(), "--strategy '" + s
            + "' is not supported by benchmark; accepted: Bayesian, Random (Grid needs a finite space)");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<BenchmarkResult> results = new ArrayList<>();
    for (TestFunction f : fs) {
      for (String s : strategies) {
        BenchmarkResult r = BenchmarkRunner.run(f, s, BenchmarkRunner.byName(s), trials, seeds, parallel);
        results.add(r);
        if (!json) {
          out.print(BenchmarkTable.table(List.of(r)));
          out.flush();
        } else {
          err.printf("%s %s: median best %.6g after %d trials (%.1f s)%n", f.name(), s, r.last().median(),
              trials, r.seconds());
          err.flush();
        }
      }
    }
    if (json) {
      out.print(BenchmarkJson.write(results));
      out.flush();
    }
    return 0;
  }
}
