package dev.tunelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's own verdict on a TuneLab store: {@code PRAGMA integrity_check} run over JDBC
 * (sqlite-jdbc, the driver the store itself uses) on {@code HOME/tunelab.db}. Opening the file
 * replays a write-ahead log a killed process left, as any later TuneLab command would.
 */
final class StoreIntegrity {
  private StoreIntegrity() { }

  /**
   * The rows of {@code PRAGMA integrity_check}: {@code ["ok"]} for a sound store. A missing store
   * gives {@code ["no store"]}.
   */
  static List<String> check(Path home) {
    Path db = home.resolve("tunelab.db");
    if (!Files.exists(db)) {
      return List.of("no store");
    }
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
        while (r.next()) {
          rows.add(r.getString(1));
        }
      }
    } catch (SQLException e) {
      rows.add("cannot check: " + e.getMessage());
    }
    return rows;
  }
}
