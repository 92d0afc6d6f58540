package inputs;

import dev.chainrule.Differentiable;

/**
 * Every supported function through java.lang.StrictMath, grouped by family, and Math and StrictMath
 * side by side: the two may differ in the last bit, and forward must call the one the user called.
 * Valid for doubles in [0.2, 0.9].
 */
final class StrictMathFunctions {
  private StrictMathFunctions() {}

  @Differentiable
  static double trigonometric(double x, double y) {
    return StrictMath.sin(x) * StrictMath.cos(y) + StrictMath.tan(x * y)
        + StrictMath.asin(x - 0.1) * StrictMath.acos(y - 0.1)
        + StrictMath.atan(x / y) - StrictMath.atan2(x, y);
  }

  @Differentiable
  static double hyperbolic(double x) {
    return StrictMath.sinh(x) + StrictMath.cosh(2.0 * x) * StrictMath.tanh(x);
  }

  @Differentiable
  static double exponential(double x, double y) {
    return StrictMath.exp(x) - StrictMath.expm1(y) + StrictMath.log(x) * StrictMath.log10(y)
        + StrictMath.log1p(x * y);
  }

  @Differentiable
  static double roots(double x, double y) {
    return StrictMath.sqrt(x) + StrictMath.cbrt(x + y) + StrictMath.hypot(x, y);
  }

  @Differentiable
  static double powers(double x, double y) {
    return StrictMath.pow(x, y) + StrictMath.pow(y, 3) + StrictMath.pow(3.0, x);
  }

  @Differentiable
  static double piecewise(double x, double y) {
    return StrictMath.abs(x - 2.0) + StrictMath.max(x, y) + StrictMath.min(x, 1.0 - y)
        + StrictMath.signum(x) * StrictMath.floor(y + 1.0) * StrictMath.ceil(x) * x
        + StrictMath.rint(y + 3.55) * y;
  }

  @Differentiable
  static double besideMath(double x, double y) {
    return Math.sin(x * 7.0) - StrictMath.sin(x * 7.0) + Math.exp(x * y) - StrictMath.exp(x * y)
        + Math.log(y) - StrictMath.log(y) + Math.pow(x, y) - StrictMath.pow(x, y)
        + Math.cbrt(x) - StrictMath.cbrt(x) + Math.tan(y) - StrictMath.tan(y);
  }
}
