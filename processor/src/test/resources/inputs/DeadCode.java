package inputs;

import dev.chainrule.Differentiable;

/**
 * Values computed and never used, many of them NaN (acos(2 + x), log(-x)) or with an infinite
 * derivative: they must not leak into the gradient, which stays finite. Also a value that reaches
 * the result only through a piecewise-constant function (floor), whose derivative is zero. Valid for
 * doubles in [0.2, 0.9].
 */
final class DeadCode {
  private DeadCode() {}

  @Differentiable
  static double unusedNaN(double x) {
    double dead = Math.acos(2.0 + x);
    return x * x;
  }

  @Differentiable
  static double overwritten(double x) {
    double y = Math.log(-x);
    y = x * 3.0;
    return y;
  }

  @Differentiable
  static double reassignedParameter(double x, double y) {
    double dead = Math.sqrt(-y) * x;
    y = 2.0;
    return x * y;
  }

  @Differentiable
  static double overwrittenByConstant(double x) {
    double y = Math.sqrt(x);
    y = 3.0;
    return y;
  }

  @Differentiable
  static double unusedChain(double x, double y) {
    double a = Math.asin(x + 1.5);
    double b = a * Math.log(-y);
    double c = Math.pow(b, a) / (x - x);
    return x * y;
  }

  @Differentiable
  static double throughFloor(double x) {
    return x + Math.floor(Math.sqrt(x - x)) + Math.signum(Math.cbrt(x - x));
  }
}
