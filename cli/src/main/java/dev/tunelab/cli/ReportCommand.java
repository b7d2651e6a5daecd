package dev.tunelab.cli;

import dev.tunelab.core.io.OutputFile;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.web.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunelab report NAME --out FILE}: one self-contained HTML file of a tuning job. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write one self-contained HTML file of a tuning job: the dashboard's plots and",
        "tables with the data, scripts and styles inline; it opens from file:// with no network."})
final class ReportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TUNING_JOB", description = "Tuning job name.")
  String name;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The HTML file to write (replaced whole, never left half-written).")
  Path out;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    OutputFile target = OutputFile.of("--out", out).notSameAs("the store", home.storeFile());
    try (JobStore store = JobStore.openSqliteReadOnly(home.existingHome())) {
      if (store.tuningJob(name).isEmpty()) {
        throw Main.badInput("TUNING_JOB", name, "the name of an existing tuning job in "
            + home.path());
      }
      ReportWriter.bundled().write(store, name, target);
    } catch (NoSuchJobException e) {
      throw Main.badInput("TUNING_JOB", name, "the name of an existing tuning job in " + home.path());
    }
    try {
      System.out.printf("Wrote %s (%,d bytes) for tuning job %s%n", out.toAbsolutePath(),
          Files.size(out), name);
    } catch (java.io.IOException e) {
      System.out.println("Wrote " + out.toAbsolutePath() + " for tuning job " + name);
    }
    return 0;
  }
}
