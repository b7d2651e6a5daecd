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

  /** The store file in the home folder ({@code tunelab.db}): never a file to write output to. */
  public Path storeFile() {
    return path().resolve("tunelab.db");
  }

  /**
   * The home folder, which must already hold a store: for commands that only read (dashboard,
   * report) and must not create an empty store in a mistyped folder.
   *
   * @throws dev.tunelab.core.spec.SpecException naming --home (or TUNELAB_HOME) otherwise
   */
  public Path existingHome() {
    Path p = path();
    if (!java.nio.file.Files.isRegularFile(p.resolve("tunelab.db"))) {
      throw new dev.tunelab.core.spec.SpecException(home != null ? "--home" : "TUNELAB_HOME",
          p.toString(), "a TuneLab home holding tunelab.db (run a job first, or name the home"
          + " the jobs ran in with --home or TUNELAB_HOME)");
    }
    return p;
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
