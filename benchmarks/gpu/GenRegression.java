import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a seeded synthetic regression in SageMaker's CSV layout (label first, no header), for
 * benchmarks/gpu/check.sh: OUT/train.csv (80 % of the rows) and OUT/validation.csv (20 %).
 * Features are standard normal with 4 decimals; the label is the same kind of function as
 * benchmarks/scripts/gen_regression.py's (linear + sin + an interaction + noise), seed 20260,
 * with no Python needed. Run with the JDK's source launcher:
 * {@code java benchmarks/gpu/GenRegression.java OUT [ROWS] [COLS]}.
 */
public final class GenRegression {

  private GenRegression() { }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int cols = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    Files.createDirectories(out);
    SplittableRandom random = new SplittableRandom(20260);
    double[] w = new double[cols];
    for (int j = 0; j < cols; j++) {
      w[j] = gaussian(random);
    }
    int train = rows / 5 * 4;
    double[] x = new double[cols];
    StringBuilder line = new StringBuilder(16 * (cols + 1));
    try (BufferedWriter t = Files.newBufferedWriter(out.resolve("train.csv"), StandardCharsets.US_ASCII);
         BufferedWriter v = Files.newBufferedWriter(out.resolve("validation.csv"), StandardCharsets.US_ASCII)) {
      for (int i = 0; i < rows; i++) {
        double y = 0;
        for (int j = 0; j < cols; j++) {
          x[j] = Math.rint(gaussian(random) * 10_000) / 10_000;
          y += x[j] * w[j];
        }
        y += Math.sin(2 * x[0]) * 3 + x[1] * x[2] + gaussian(random) * 0.5;
        line.setLength(0);
        append(line, y);
        for (int j = 0; j < cols; j++) {
          line.append(',');
          append(line, x[j]);
        }
        line.append('\n');
        (i < train ? t : v).append(line);
      }
    }
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** {@code value} with 4 decimals, without String.format's cost. */
  private static void append(StringBuilder b, double value) {
    long scaled = Math.round(Math.abs(value) * 10_000);
    if (value < 0 && scaled != 0) {
      b.append('-');
    }
    b.append(scaled / 10_000).append('.');
    long frac = scaled % 10_000;
    if (frac < 1000) {
      b.append('0');
    }
    if (frac < 100) {
      b.append('0');
    }
    if (frac < 10) {
      b.append('0');
    }
    b.append(frac);
  }
}
