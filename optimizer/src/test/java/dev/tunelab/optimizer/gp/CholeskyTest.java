package dev.tunelab.optimizer.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cholesky on packed lower triangles, against a factor worked out by hand. */
class CholeskyTest {

  /** A = L L^T with L = [[2], [6, 1], [-8, 5, 3]] (the textbook example). */
  private static final double[][] A = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}};

  private static double[] packed(double[][] m) {
    int n = m.length;
    double[] p = new double[Cholesky.packedLength(n)];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        p[Cholesky.idx(i, j)] = m[i][j];
      }
    }
    return p;
  }

  @Test
  void packedIndexingIsRowByRow() {
    assertEquals(0, Cholesky.idx(0, 0));
    assertEquals(1, Cholesky.idx(1, 0));
    assertEquals(2, Cholesky.idx(1, 1));
    assertEquals(5, Cholesky.idx(2, 2));
    assertEquals(6, Cholesky.packedLength(3));
  }

  @Test
  void factorsTheTextbookMatrix() {
    double[] l = packed(A);
    assertTrue(Cholesky.factor(l, 3));
    assertArrayEquals(new double[] {2, 6, 1, -8, 5, 3}, l, 1e-12);
    assertEquals(2 * Math.log(6), Cholesky.logDet(l, 3), 1e-12);
  }

  @Test
  void solvesThroughBothTriangles() {
    double[] l = packed(A);
    assertTrue(Cholesky.factor(l, 3));
    double[] x = {1, 2, 3};
    double[] b = {-20, -43, 192}; // A x
    assertArrayEquals(x, Cholesky.solveUpper(l, 3, Cholesky.solveLower(l, 3, b)), 1e-10);
  }

  @Test
  void inverseTimesTheMatrixIsTheIdentity() {
    double[] l = packed(A);
    assertTrue(Cholesky.factor(l, 3));
    double[] inv = Cholesky.inverse(l, 3);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += A[i][k] * inv[k <= j ? Cholesky.idx(j, k) : Cholesky.idx(k, j)];
        }
        assertEquals(i == j ? 1 : 0, s, 1e-9, "(A A^-1)[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void anIndefiniteMatrixIsRefused() {
    assertFalse(Cholesky.factor(packed(new double[][] {{1, 2}, {2, 1}}), 2)); // eigenvalues 3 and -1
    assertNull(Cholesky.factorWithJitter(packed(new double[][] {{1, 2}, {2, 1}}), 2),
        "no jitter up to 1e-2 of the diagonal makes it positive definite");
  }

  @Test
  void aSingularMatrixNeedsJitterAndGetsTheSmallestThatWorks() {
    double[] singular = packed(new double[][] {{1, 1}, {1, 1}});
    assertFalse(Cholesky.factor(singular.clone(), 2));
    Cholesky.Factor f = Cholesky.factorWithJitter(singular, 2);
    assertNotNull(f);
    assertTrue(f.jitter() > 0 && f.jitter() <= 1e-2, "jitter " + f.jitter());
    assertEquals(1, singular[0], 0.0, "the input is left as it was");
    Cholesky.Factor pd = Cholesky.factorWithJitter(packed(A), 3);
    assertEquals(0, pd.jitter(), 0.0, "a positive definite matrix gets no jitter");
  }
}
