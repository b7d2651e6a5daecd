package dev.tunelab.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the home folder and the store file readable by the user only: the store holds the
 * specs' {@code Environment} values, which may be secrets. The home is created with mode 0700
 * and {@code tunelab.db} with 0600 (SQLite gives its {@code -wal} and {@code -shm} files the
 * database file's mode); an existing store file that others may read is narrowed to 0600. On a
 * file system without POSIX permissions nothing is changed.
 */
final class StoreFiles {
  static final Set<PosixFilePermission> HOME_MODE = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

  private StoreFiles() {}

  /**
   * Makes sure {@code home} and {@code db} exist, private to the user where they are created.
   *
   * @throws JobStoreException when either cannot be created
   */
  static void createPrivate(Path home, Path db) {
    boolean posix = supportsPosix(home);
    try {
      if (!Files.isDirectory(home)) {
        if (posix) {
          Files.createDirectories(home, attribute(HOME_MODE));
          // createDirectories applies the umask; say it once more, exactly
          Files.setPosixFilePermissions(home, HOME_MODE);
        } else {
          Files.createDirectories(home);
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new JobStoreException("cannot create TuneLab home " + home + ": " + e, e);
    }
    try {
      if (posix) {
        try {
          Files.createFile(db, attribute(FILE_MODE));
          Files.setPosixFilePermissions(db, FILE_MODE);
        } catch (FileAlreadyExistsException exists) {
          narrow(db);
          narrow(db.resolveSibling(db.getFileName() + "-wal"));
          narrow(db.resolveSibling(db.getFileName() + "-shm"));
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new JobStoreException("cannot create job store " + db + ": " + e, e);
    }
  }

  /** Takes group and other permissions away from an existing file (best effort). */
  private static void narrow(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
        if (!FILE_MODE.containsAll(now)) {
          now.retainAll(FILE_MODE);
          Files.setPosixFilePermissions(file, now);
        }
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // another user's store, or a file system that refuses: leave it as it is
    }
  }

  private static boolean supportsPosix(Path home) {
    Path p = home.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    try {
      return p != null && Files.getFileStore(p).supportsFileAttributeView("posix");
    } catch (IOException e) {
      return false;
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
    return PosixFilePermissions.asFileAttribute(mode);
  }
}
