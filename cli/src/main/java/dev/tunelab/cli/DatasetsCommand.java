package dev.tunelab.cli;

import dev.tunelab.core.io.OutputFile;
import dev.tunelab.core.io.OutputFolder;
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
    OutputFolder folder = OutputFolder.of("--out", out);
    // every file is checked before any is written: a refusal leaves the folder as it was
    OutputFile train = folder.file(SageMakerCsvWriter.TRAIN);
    OutputFile validation = folder.file(SageMakerCsvWriter.VALIDATION);
    OutputFile test = folder.file(SageMakerCsvWriter.TEST);
    OutputFile testLabels = folder.file(SageMakerCsvWriter.TEST_LABELS);
    CourseSplit split = BostonHousing.courseSplit(seed);
    folder.create();
    train.writeText(w -> SageMakerCsvWriter.writeLabelFirst(split.train(), w));
    validation.writeText(w -> SageMakerCsvWriter.writeLabelFirst(split.validation(), w));
    test.writeText(w -> SageMakerCsvWriter.writeFeatures(split.test(), w));
    testLabels.writeText(w -> SageMakerCsvWriter.writeLabels(split.test(), w));
    System.out.printf("Wrote %s: train.csv (%d rows), validation.csv (%d), test.csv (%d), test-labels.csv (seed %d)%n",
        out, split.train().rows(), split.validation().rows(), split.test().rows(), seed);
    return 0;
  }
}
