package dev.chainrule.optim;

/** Test functions with known minima, and a loop that runs an optimizer on them. */
final class Functions {
  private Functions() {}

  /** A gradient written into {@code grad} at {@code x}. */
  interface Gradient {
    void at(double[] x, double[] grad);
  }

  /**
   * f(x, y) = x^2 + 2 y^2 + x y - 4 x - 5 y, convex (Hessian [[2, 1], [1, 4]]). Setting the
   * gradient (2x + y - 4, x + 4y - 5) to zero gives y = 4 - 2x, 7x = 11: the minimum is at (11/7,
   * 6/7).
   */
  static final Gradient QUADRATIC =
      (x, g) -> {
        g[0] = 2 * x[0] + x[1] - 4;
        g[1] = x[0] + 4 * x[1] - 5;
      };

  static final double[] QUADRATIC_MINIMUM = {11.0 / 7, 6.0 / 7};

  /** Rosenbrock's banana, (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
  static double rosenbrock(double[] x) {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    return a * a + 100 * b * b;
  }

  static final Gradient ROSENBROCK =
      (x, g) -> {
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * (1 - x[0]) - 400 * x[0] * b;
        g[1] = 200 * b;
      };

  /** Runs {@code steps} steps from {@code start} and returns where they end. */
  static double[] minimise(Optimizer optimizer, Gradient gradient, double[] start, int steps) {
    double[] x = start.clone();
    double[] g = new double[x.length];
    for (int i = 0; i < steps; i++) {
      gradient.at(x, g);
      optimizer.step(x, g);
    }
    return x;
  }
}
