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

  /** Opens the store in the home folder; a home that cannot be created or written is bad input. */
  public JobStore openStore() {
    Path p = path();
    try {
      java.nio.file.Files.createDirectories(p);
    } catch (java.io.IOException | SecurityException e) {
      throw new dev.tunelab.core.spec.SpecException(home != null ? "--home" : "TUNELAB_HOME", p.toString(),
          "a folder TuneLab can create and write (" + e + ")");
    }
    if (!java.nio.file.Files.isWritable(p)) {
      throw new dev.tunelab.core.spec.SpecException(home != null ? "--home" : "TUNELAB_HOME", p.toString(),
          "a folder TuneLab can write");
    }
    return JobStore.openSqlite(p);
  }
}
