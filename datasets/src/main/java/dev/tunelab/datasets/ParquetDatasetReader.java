package dev.tunelab.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads Parquet files ({@code application/x-parquet}) as SageMaker's XGBoost does: the FIRST
 * column is the label and every other column a feature, named by its column name. Files are read
 * with parquet-hadoop through a {@link LocalInputFile} and a {@link PlainParquetConfiguration}, so
 * no Hadoop installation or configuration is involved; uncompressed, Snappy, gzip and zstd pages
 * are read (the codecs come with parquet-hadoop's dependencies).
 *
 * <p>Accepted columns: flat (not repeated, not nested) {@code int32}, {@code int64}, {@code float},
 * {@code double} and {@code boolean} (1 or 0), optional or required, without a date, time,
 * timestamp or decimal annotation. A null feature is missing ({@link Double#NaN}); a null or
 * non-finite label is refused. Anything else (a string column, say) is refused naming the file,
 * the column and its type. A folder's files must all have the same columns.
 */
public final class ParquetDatasetReader {

  private ParquetDatasetReader() { }

  /**
   * Reads one file, or several concatenated (a channel folder).
   *
   * @param files  the files, in order; at least one
   * @param source the channel's source for the provenance (the file or folder)
   * @return the labelled data
   * @throws DataFormatException naming the file (and column or row) of the first problem
   */
  public static Dataset read(List<Path> files, Path source) {
    Objects.requireNonNull(source, "source");
    if (files.isEmpty()) {
      throw new DataFormatException(source, 0, 0, "no Parquet files to read");
    }
    List<double[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    List<String> names = null;
    Path namesFrom = null;
    StringBuilder manifest = new StringBuilder();
    String sha = "";
    for (Path file : files) {
      sha = sha256(file);
      manifest.append(sha).append("  ").append(file.getFileName()).append('\n');
      List<String> fileNames = readFile(file, rows, labels);
      if (names == null) {
        names = fileNames;
        namesFrom = file;
      } else if (!names.equals(fileNames)) {
        throw new DataFormatException(file, 0, 0, "feature columns " + fileNames + " differ from those of "
            + namesFrom.getFileName() + " " + names + "; accepted: every file of a channel with the same columns");
      }
    }
    if (rows.isEmpty()) {
      throw new DataFormatException(files.get(0), 0, 0, "no rows");
    }
    double[] y = new double[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    boolean folder = files.size() != 1 || !files.get(0).equals(source);
    Provenance provenance = folder
        ? new Provenance(source.toString(), Hashes.sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)),
            "parquet concatenation of " + files.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", ")))
        : new Provenance(source.toString(), sha, "parquet");
    return new Dataset(rows.toArray(new double[0][]), y, names, provenance);
  }

  /** Appends the file's rows; returns its feature names. */
  private static List<String> readFile(Path file, List<double[]> rows, List<Double> labels) {
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<ColumnDescriptor> columns = checkSchema(file, schema);
      List<String> names = new ArrayList<>();
      for (int c = 1; c < columns.size(); c++) {
        names.add(String.join(".", columns.get(c).getPath()));
      }
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      int width = columns.size() - 1;
      PageReadStore pages;
      long rowBase = rows.size();
      while ((pages = reader.readNextRowGroup()) != null) {
        int n = Math.toIntExact(pages.getRowCount());
        int first = rows.size();
        for (int r = 0; r < n; r++) {
          rows.add(new double[width]);
          labels.add(0.0);
        }
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
            new DummyRecordConverter(schema).getRootConverter(), schema, createdBy);
        for (int c = 0; c < columns.size(); c++) {
          ColumnDescriptor d = columns.get(c);
          ColumnReader cr = store.getColumnReader(d);
          for (int r = 0; r < n; r++) {
            double v = Double.NaN;
            if (cr.getCurrentDefinitionLevel() == d.getMaxDefinitionLevel()) {
              v = value(cr, d.getPrimitiveType().getPrimitiveTypeName());
            }
            cr.consume();
            if (c == 0) {
              if (!Double.isFinite(v)) {
                throw new DataFormatException(file, 0, 0, "row " + (first + r - rowBase + 1) + ": label column '"
                    + d.getPath()[0] + "' is " + (Double.isNaN(v) ? "null" : String.valueOf(v))
                    + "; accepted: a finite number in the first (label) column of every row");
              }
              labels.set(first + r, v);
            } else {
              rows.get(first + r)[c - 1] = v;
            }
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw new DataFormatException(file, 0, 0, "cannot read as Parquet: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof DataFormatException d) {
        throw d;
      }
      throw new DataFormatException(file, 0, 0, "cannot read as Parquet: " + e, e);
    }
  }

  private static double value(ColumnReader cr, PrimitiveTypeName type) {
    return switch (type) {
      case INT32 -> cr.getInteger();
      case INT64 -> cr.getLong();
      case FLOAT -> cr.getFloat();
      case DOUBLE -> cr.getDouble();
      case BOOLEAN -> cr.getBoolean() ? 1 : 0;
      default -> throw new IllegalStateException("unchecked type " + type);
    };
  }

  /** The leaf columns, label first, after checking that every one is a flat number. */
  private static List<ColumnDescriptor> checkSchema(Path file, MessageType schema) {
    for (Type field : schema.getFields()) {
      if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
        throw refused(file, field.getName(), field.isPrimitive() ? "repeated " + field.asPrimitiveType()
            .getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT) : "group (nested)");
      }
      PrimitiveType p = field.asPrimitiveType();
      LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
      boolean numeric = switch (p.getPrimitiveTypeName()) {
        case INT32, INT64 -> logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
        case FLOAT, DOUBLE, BOOLEAN -> logical == null;
        default -> false;
      };
      if (!numeric) {
        throw refused(file, field.getName(), p.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT)
            + (logical == null ? "" : " (" + logical + ")"));
      }
    }
    if (schema.getFieldCount() < 2) {
      throw new DataFormatException(file, 0, 0, "has " + schema.getFieldCount() + " column(s); accepted: a label"
          + " column followed by at least one feature column");
    }
    return schema.getColumns();
  }

  private static DataFormatException refused(Path file, String column, String type) {
    return new DataFormatException(file, 0, 0, "column '" + column + "' has type " + type
        + "; accepted: flat int32, int64, float, double or boolean columns (label first)");
  }

  private static String sha256(Path file) {
    try {
      return Hashes.sha256(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw DataFormatException.noSuchFile(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
