package dev.tunelab.cli;

import dev.tunelab.datasets.BostonHousing;
import dev.tunelab.datasets.CourseSplit;
import dev.tunelab.datasets.SageMakerCsvWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunelab datasets boston --out DIR}: the course's split as SageMaker CSVs. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
    description = {"Write a bundled data set split the way the SageMaker course splits it",
        "(train_test_split with test_size 0.33, twice: 506 rows -> 227 train / 112 validation / 167 test):",
        "train.csv and validation.csv (label first, no header), test.csv (features only) and",
        "test-labels.csv. The same seed always gives the same split; specs can also name the",
        "split directly as dataset:boston/train?seed=N."})
final class DatasetsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME", description = "Data set: boston.")
  String name;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the CSVs to.")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Split seed (default: ${DEFAULT-VALUE}).")
  long seed = BostonHousing.DEFAULT_SPLIT_SEED;

  @Override
  public Integer call() {
    if (!name.equals("boston")) {
      throw Main.badInput("NAME", name, "boston");
    }
    OptionBounds.check("--seed", seed, 0, Long.MAX_VALUE);
    CourseSplit split = BostonHousing.courseSplit(seed);
    SageMakerCsvWriter.writeCourseSplit(split, out);
    System.out.printf("Wrote %s: train.csv (%d rows), validation.csv (%d), test.csv (%d), test-labels.csv (seed %d)%n",
        out, split.train().rows(), split.validation().rows(), split.test().rows(), seed);
    return 0;
  }
}
