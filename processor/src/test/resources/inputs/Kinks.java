package inputs;

import dev.chainrule.Differentiable;

/**
 * Functions with kinks, whose derivative there follows PyTorch: abs has 0 at 0, max and min split
 * the gradient evenly at a tie, pow has zero derivative in x where y == 0 and in y where x == 0 and
 * y >= 0; the piecewise-constant functions have derivative 0. Tests call these at the kinks; at the
 * random points in [0.2, 0.9] they are smooth.
 */
final class Kinks {
  private Kinks() {}

  @Differentiable
  static double absolute(double x) {
    return Math.abs(x);
  }

  @Differentiable
  static double larger(double x, double y) {
    return Math.max(x, y);
  }

  @Differentiable
  static double smaller(double x, double y) {
    return Math.min(x, y);
  }

  @Differentiable
  static double relu(double x) {
    return Math.max(0.0, x);
  }

  @Differentiable
  static double power(double x, double y) {
    return Math.pow(x, y);
  }

  @Differentiable
  static double powerOfZero(double x) {
    return Math.pow(x, 0);
  }

  @Differentiable
  static double steps(double x) {
    return Math.signum(x - 1.0) + Math.floor(x + 1.0) + Math.ceil(x - 1.0) + Math.rint(x + 2.55);
  }
}
