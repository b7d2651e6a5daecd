package dev.tunelab.benchmarks;

import dev.tunelab.datasets.CsvDatasetReader;
import dev.tunelab.datasets.Dataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a label-first training CSV (no header, 50 features printed with 6 decimals, seeded) with
 * {@link CsvDatasetReader#readLabelFirst}: milliseconds per file, warm JIT, file in the page cache.
 * Throughput is the file size (printed at setup) over the time. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar CsvLoadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=1m"})
public class CsvLoadBenchmark {

  /** Data rows of the file. */
  @Param({"160000"})
  public int rows;

  Path file;

  @Setup(Level.Trial)
  public void write() throws IOException {
    file = Files.createTempFile("tunelab-csvload", ".csv");
    Random rnd = new Random(20260);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      StringBuilder line = new StringBuilder();
      for (int r = 0; r < rows; r++) {
        line.setLength(0);
        for (int c = 0; c <= 50; c++) {
          if (c > 0) {
            line.append(',');
          }
          line.append(String.format(Locale.ROOT, "%.6f", rnd.nextGaussian()));
        }
        w.write(line.append('\n').toString());
      }
    }
    System.out.printf(Locale.ROOT, "%n%s: %.1f MB%n", file, Files.size(file) / 1e6);
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public Dataset readLabelFirst() {
    return CsvDatasetReader.readLabelFirst(file);
  }
}
