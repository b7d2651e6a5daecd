package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which commands start loading SQLite's native library before picocli runs. */
class MainStartUpTest {

  @Test
  void commandsThatOpenTheStoreLoadSqliteEarly() {
    assertTrue(Main.opensStore(new String[] {"tune", "spec.json"}));
    assertTrue(Main.opensStore(new String[] {"describe-hyper-parameter-tuning-job", "x"}));
    assertTrue(Main.opensStore(new String[] {"logs", "--follow", "job"}));
  }

  @Test
  void helpVersionAndStorelessCommandsDoNot() {
    assertFalse(Main.opensStore(new String[] {}));
    assertFalse(Main.opensStore(new String[] {"--help"}));
    assertFalse(Main.opensStore(new String[] {"tune", "--help"}));
    assertFalse(Main.opensStore(new String[] {"tune", "-h"}));
    assertFalse(Main.opensStore(new String[] {"--version"}));
    assertFalse(Main.opensStore(new String[] {"datasets", "boston", "--out", "d"}));
    assertFalse(Main.opensStore(new String[] {"benchmark", "--function", "branin"}));
    assertFalse(Main.opensStore(new String[] {"completion"}));
  }
}
