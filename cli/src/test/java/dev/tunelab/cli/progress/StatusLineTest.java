package dev.tunelab.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal line fits every width, keeping the most detail that fits. */
class StatusLineTest {

  private static ProgressSnapshot snapshot(int runningJobs) {
    List<ProgressSnapshot.JobRound> rounds = new ArrayList<>();
    for (int i = 0; i < runningJobs; i++) {
      rounds.add(new ProgressSnapshot.JobRound("j" + (10 + i), 100 + i));
    }
    return new ProgressSnapshot(9, 20, runningJobs, 1, 2, 3.72621, "hpo-004-0a1b2c3d", 754_000, 3_725_000, rounds);
  }

  @Test
  void neverWiderThanTheTerminalLessOneColumn() {
    for (int running : new int[] {0, 1, 3, 10}) {
      for (int width = 1; width <= 220; width++) {
        String line = StatusLine.fit(snapshot(running), width);
        int w = width;
        assertTrue(StatusLine.columns(line) <= Math.max(1, w - 1), () -> w + " columns: '" + line + "'");
      }
    }
  }

  @Test
  void wideTerminalsGetEverything() {
    String line = StatusLine.fit(snapshot(3), 200);
    assertEquals("[#####-----] 9/20 done, 3 running, 1 failed, 2 stopped | best 3.7262 (j4) | 12m34s elapsed,"
        + " ETA 1h02m | j10:r100 j11:r101 j12:r102", line);
  }

  @Test
  void narrowTerminalsKeepCountsAndTimesBeforeRounds() {
    String sixty = StatusLine.fit(snapshot(10), 60);
    assertEquals("9/20 10 run 1 fail 2 stop best 3.7262 12m34s ETA 1h02m +10", sixty);
    String eighty = StatusLine.fit(snapshot(10), 80);
    assertTrue(eighty.startsWith("9/20 10 run 1 fail 2 stop best 3.7262 12m34s ETA 1h02m j10:r100 j11:r101"), eighty);
    assertTrue(eighty.matches(".* \\+\\d+$"), "the rounds that fit and a count of the rest: " + eighty);
    assertEquals("9/20 0 run best 3.7262 ...", StatusLine.fit(
        new ProgressSnapshot(9, 20, 0, 0, 0, 3.72621, "j4", 754_000, 3_725_000, List.of()), 28));
  }

  @Test
  void durations() {
    assertEquals("0s", StatusLine.duration(999));
    assertEquals("59s", StatusLine.duration(59_999));
    assertEquals("1m00s", StatusLine.duration(60_000));
    assertEquals("59m59s", StatusLine.duration(3_599_000));
    assertEquals("1h00m", StatusLine.duration(3_600_000));
  }

  @Test
  void etaFromTheMeanDurationAndTheSlots() {
    assertEquals(240_000, Eta.estimate(60_000, List.of(60_000L, 0L), 7, 2));
    assertEquals(50_000, Eta.estimate(60_000, List.of(10_000L), 0, 4), "never below what the running job needs");
    assertEquals(0, Eta.estimate(60_000, List.of(), 0, 2));
  }

  @Test
  void jobLabels() {
    assertEquals("j3", JobLabel.of("hpo-003-0a1b2c3d"));
    assertEquals("j1234", JobLabel.of("x-1234-deadbeef"));
    assertEquals("plain", JobLabel.of("plain"));
    assertEquals("a\\u001bb", JobLabel.of("a\u001bb"));
  }
}
