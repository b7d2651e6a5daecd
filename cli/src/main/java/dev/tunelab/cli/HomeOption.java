package dev.tunelab.cli;

import dev.tunelab.core.job.TuneLabHome;
import dev.tunelab.core.store.JobStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option shared by every command that uses the store. */
public final class HomeOption {
  @Option(names = "--home", paramLabel = "DIR",
      description = "TuneLab home (store and job folders). Default: $TUNELAB_HOME, else ~/.tunelab.")
  String home;

  /** The resolved home folder. */
  public Path path() {
    return TuneLabHome.resolve(home);
  }

  /** Opens the store in the home folder. */
  public JobStore openStore() {
    return JobStore.openSqlite(path());
  }
}
