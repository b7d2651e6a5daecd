package dev.tunelab.cli;

import dev.tunelab.core.job.TuneLabHome;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --home} option shared by every command that uses the store, and the three ways a
 * command opens the store: {@link #openReadStore()} for the commands that only look (never
 * creates or writes anything, so a read-only home can be read), {@link #openStore()} for small
 * writes, and {@link #openStoreForWork()} for the commands that run jobs (tune, train, resume),
 * which first check the file's health.
 *
 * <p>{@code --home ''} (or only spaces) is refused: it names no folder, and falling back to the
 * default would put jobs where the user did not ask. An empty {@code TUNELAB_HOME} is treated as
 * unset, as the shell convention for environment variables has it (so {@code TUNELAB_HOME=}
 * means "the default, ~/.tunelab").
 */
public final class HomeOption {
  @Option(names = "--home", paramLabel = "DIR",
      description = "TuneLab home (store and job folders). Default: $TUNELAB_HOME (empty means unset),"
          + " else ~/.tunelab.")
  String home;

  /**
   * The resolved home folder.
   *
   * @throws SpecException naming --home when it was given empty
   */
  public Path path() {
    if (home != null && home.isBlank()) {
      throw new SpecException("--home", home, "a folder path (leave --home out to use"
          + " $TUNELAB_HOME or ~/.tunelab)");
    }
    return TuneLabHome.resolve(home);
  }

  private String source() {
    return home != null ? "--home" : "TUNELAB_HOME";
  }

  /** The store file in the home folder ({@code tunelab.db}): never a file to write output to. */
  public Path storeFile() {
    return path().resolve("tunelab.db");
  }

  /**
   * The home folder, which must already hold a store: for commands that only read (dashboard,
   * report) and must not create an empty store in a mistyped folder.
   *
   * @throws SpecException naming --home (or TUNELAB_HOME) otherwise
   */
  public Path existingHome() {
    Path p = path();
    if (!Files.isRegularFile(p.resolve("tunelab.db"))) {
      throw new SpecException(source(), p.toString(), "a TuneLab home holding tunelab.db (run a job"
          + " first, or name the home the jobs ran in with --home or TUNELAB_HOME)");
    }
    return p;
  }

  /**
   * Opens the store for reading only (list, describe, logs, metrics, analytics, report): neither
   * the home nor the store is created or written; a home without a store reads as empty.
   */
  public JobStore openReadStore() {
    return JobStore.openSqliteReadOnly(path());
  }

  /** Opens the store for writing; a home that cannot be created or written is bad input. */
  public JobStore openStore() {
    return open(false);
  }

  private JobStore open(boolean checkFirst) {
    Path p = path();
    if (!Files.isDirectory(p)) {
      // the store creates it (mode 0700); here only a clear message when that cannot work
      Path existing = p.toAbsolutePath().getParent();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (Files.exists(p) || existing == null || !Files.isDirectory(existing)
          || !Files.isWritable(existing)) {
        throw new SpecException(source(), p.toString(), "a folder TuneLab can create and write");
      }
      try {
        return checkFirst ? JobStore.openSqliteChecked(p) : JobStore.openSqlite(p);
      } catch (RuntimeException e) {
        if (!Files.isDirectory(p)) {
          throw new SpecException(source(), p.toString(), "a folder TuneLab can create and write ("
              + e.getMessage() + ")");
        }
        throw e;
      }
    }
    if (!Files.isWritable(p)) {
      throw new SpecException(source(), p.toString(), "a folder TuneLab can write");
    }
    return checkFirst ? JobStore.openSqliteChecked(p) : JobStore.openSqlite(p);
  }

  /**
   * Opens the store for a command that acts on jobs that must already exist (stop, resume,
   * delete, transform): writable when the home holds a store; when it holds none, no job can exist
   * there, and the read-only (empty) store lets the command refuse the name without creating the
   * home or a store in it.
   *
   * @param checked whether to check the store's health first, as {@link #openStoreForWork()} does
   */
  public JobStore openStoreOfExistingJobs(boolean checked) {
    if (!Files.isRegularFile(storeFile())) {
      return openReadStore();
    }
    return checked ? openStoreForWork() : openStore();
  }

  /**
   * Opens the store for a command that runs jobs and checks its health first (SQLite's
   * quick_check), so a damaged file is refused, naming it, before any work starts.
   */
  public JobStore openStoreForWork() {
    return open(true);
  }
}
