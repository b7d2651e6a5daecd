package dev.tunelab.optimizer.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoundedBfgsTest {

  @Test
  void findsTheRosenbrockMinimumInsideTheBox() {
    BoundedBfgs.Objective f = (x, g) -> {
      double a = x[1] - x[0] * x[0];
      double b = 1 - x[0];
      g[0] = -400 * x[0] * a - 2 * b;
      g[1] = 200 * a;
      return 100 * a * a + b * b;
    };
    double[] x = {-1.2, 1.0};
    double v = BoundedBfgs.minimize(f, x, new double[] {-2, -2}, new double[] {2, 2}, 500, 1e-10);
    assertEquals(0, v, 1e-10);
    assertEquals(1, x[0], 1e-5);
    assertEquals(1, x[1], 1e-5);
  }

  @Test
  void stopsAtAnActiveBound() {
    // minimum of (x-3)^2 + (y+1)^2 on [0,1]^2 is at (1, 0)
    BoundedBfgs.Objective f = (x, g) -> {
      g[0] = 2 * (x[0] - 3);
      g[1] = 2 * (x[1] + 1);
      return (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
    };
    double[] x = {0.5, 0.5};
    double v = BoundedBfgs.minimize(f, x, new double[] {0, 0}, new double[] {1, 1}, 100, 1e-10);
    assertEquals(1.0, x[0], 0);
    assertEquals(0.0, x[1], 0);
    assertEquals(5.0, v, 1e-12);
  }
}
