package dev.tunelab.optimizer.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps configurations of a {@link SearchSpace} to points of the unit cube {@code [0, 1]^d} and
 * back; shared by every strategy so proposals are always valid.
 *
 * <ul>
 *   <li>Continuous: one dimension, the value warped by its scale (identity, {@code log x},
 *       {@code -log(1 - x)}) and mapped linearly from {@code [warp(min), warp(max)]}.</li>
 *   <li>Integer: one dimension covering {@code [min - 0.5, max + 0.5]} in the warped scale
 *       (so every integer owns an equal share, in that scale); decoding rounds to the nearest
 *       integer. Encoding gives the warped integer itself, so integers round-trip exactly.</li>
 *   <li>Categorical with k values: k one-hot dimensions; decoding takes the largest
 *       coordinate (the first on ties). Round-trips exactly.</li>
 * </ul>
 * Decoding clamps every coordinate to [0, 1] first. Continuous values round-trip to within a
 * few ulps and are clamped to their bounds. Immutable and thread-safe.
 */
public final class UnitCubeEncoder {

  private final SearchSpace space;
  private final List<ParameterRange> ranges;
  private final int[] offset;
  private final int[] width;
  private final ScalingType[] scale;
  private final double[] wLo;
  private final double[] wHi;
  private final int dims;

  /** Builds the encoder for a space. */
  public UnitCubeEncoder(SearchSpace space) {
    this.space = space;
    this.ranges = space.ranges();
    int n = ranges.size();
    offset = new int[n];
    width = new int[n];
    scale = new ScalingType[n];
    wLo = new double[n];
    wHi = new double[n];
    int d = 0;
    for (int i = 0; i < n; i++) {
      ParameterRange r = ranges.get(i);
      offset[i] = d;
      if (r instanceof ContinuousRange c) {
        width[i] = 1;
        scale[i] = c.effectiveScaling();
        wLo[i] = warp(scale[i], c.min());
        wHi[i] = warp(scale[i], c.max());
      } else if (r instanceof IntegerRange ir) {
        width[i] = 1;
        scale[i] = ir.effectiveScaling();
        wLo[i] = warp(scale[i], ir.min() - 0.5);
        wHi[i] = warp(scale[i], ir.max() + 0.5);
      } else {
        width[i] = ((CategoricalRange) r).values().size();
      }
      d += width[i];
    }
    dims = d;
  }

  private static double warp(ScalingType s, double x) {
    return switch (s) {
      case LOGARITHMIC -> Math.log(x);
      case REVERSE_LOGARITHMIC -> -Math.log1p(-x);
      default -> x;
    };
  }

  private static double unwarp(ScalingType s, double w) {
    return switch (s) {
      case LOGARITHMIC -> Math.exp(w);
      case REVERSE_LOGARITHMIC -> -Math.expm1(-w);
      default -> w;
    };
  }

  /** The space this encoder encodes. */
  public SearchSpace space() {
    return space;
  }

  /** Number of unit-cube dimensions (categoricals count one per value). */
  public int dimensions() {
    return dims;
  }

  /** First unit-cube dimension of range {@code i} (space order). */
  public int offset(int i) {
    return offset[i];
  }

  /** Number of unit-cube dimensions of range {@code i}: 1, or k for a k-valued categorical. */
  public int width(int i) {
    return width[i];
  }

  /**
   * Whether range {@code i} is one-hot encoded (a categorical: its dimensions hold one 1 and
   * zeros, and are not moved continuously).
   */
  public boolean oneHot(int i) {
    return space.ranges().get(i) instanceof CategoricalRange;
  }

  /**
   * Encodes a configuration of this space.
   *
   * @throws IllegalArgumentException if it does not belong to the space
   */
  public double[] encode(Configuration c) {
    space.check(c);
    double[] u = new double[dims];
    for (int i = 0; i < ranges.size(); i++) {
      ParameterRange r = ranges.get(i);
      Object v = c.values().get(r.name());
      if (r instanceof CategoricalRange cr) {
        u[offset[i] + cr.values().indexOf(v)] = 1.0;
      } else {
        double x = ((Number) v).doubleValue();
        double span = wHi[i] - wLo[i];
        u[offset[i]] = span > 0 ? (warp(scale[i], x) - wLo[i]) / span : 0.5;
        u[offset[i]] = Math.min(1.0, Math.max(0.0, u[offset[i]]));
      }
    }
    return u;
  }

  /**
   * Decodes any point of {@code R^d} (clamped to the cube) to a valid configuration.
   *
   * @throws IllegalArgumentException if {@code u.length != dimensions()} or a coordinate is NaN
   */
  public Configuration decode(double[] u) {
    if (u == null || u.length != dims) {
      throw new IllegalArgumentException("point has " + (u == null ? "null" : u.length)
          + " coordinates; the encoder has " + dims + " dimensions");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < ranges.size(); i++) {
      ParameterRange r = ranges.get(i);
      if (r instanceof CategoricalRange cr) {
        int best = 0;
        for (int j = 1; j < width[i]; j++) {
          if (check(u[offset[i] + j]) > check(u[offset[i] + best])) {
            best = j;
          }
        }
        m.put(r.name(), cr.values().get(best));
      } else {
        m.put(r.name(), numeric(i, check(u[offset[i]])));
      }
    }
    return new Configuration(m);
  }

  /**
   * Maps one uniform number per range (not per dimension) to a configuration: numeric ranges
   * as in {@link #decode}, a k-valued categorical picks value {@code floor(r * k)}. Used to draw
   * uniformly in the scaled space.
   */
  public Configuration fromRangeUniforms(double[] r) {
    if (r.length != ranges.size()) {
      throw new IllegalArgumentException("expected " + ranges.size() + " uniforms, got " + r.length);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < ranges.size(); i++) {
      ParameterRange pr = ranges.get(i);
      double x = Math.min(1.0, Math.max(0.0, check(r[i])));
      if (pr instanceof CategoricalRange cr) {
        int k = cr.values().size();
        m.put(pr.name(), cr.values().get(Math.min(k - 1, (int) Math.floor(x * k))));
      } else {
        m.put(pr.name(), numeric(i, x));
      }
    }
    return new Configuration(m);
  }

  /** {@code encode(decode(u))}: the nearest valid point, in cube coordinates. */
  public double[] snap(double[] u) {
    return encode(decode(u));
  }

  private static double check(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("unit-cube coordinate is NaN");
    }
    return x;
  }

  private Object numeric(int i, double ui) {
    double x = Math.min(1.0, Math.max(0.0, ui));
    double w = wLo[i] + x * (wHi[i] - wLo[i]);
    double v = unwarp(scale[i], w);
    ParameterRange r = ranges.get(i);
    if (r instanceof IntegerRange ir) {
      long l = Math.round(v);
      return Math.min(ir.max(), Math.max(ir.min(), l));
    }
    ContinuousRange cr = (ContinuousRange) r;
    return Math.min(cr.max(), Math.max(cr.min(), v));
  }
}
