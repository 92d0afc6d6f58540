package inputs;

import dev.chainrule.Differentiable;

/**
 * Every supported java.lang.Math function, one method each, with a little arithmetic around it so
 * the chain rule has something to chain. Every argument stays inside its function's domain, away
 * from poles and kinks, for doubles in [0.2, 0.9] and ints in {-3, 1, 2, 3, 7}.
 */
final class MathFunctions {
  private MathFunctions() {}

  @Differentiable
  static double sin(double x) {
    return Math.sin(3.0 * x) * x;
  }

  @Differentiable
  static double cos(double x, double y) {
    return Math.cos(x * y) + y;
  }

  @Differentiable
  static double tan(double x) {
    return Math.tan(x + 0.5);
  }

  @Differentiable
  static double asin(double x) {
    return Math.asin(x - 0.1) + Math.asin(-x);
  }

  @Differentiable
  static double acos(double x, double y) {
    return Math.acos(x * y);
  }

  @Differentiable
  static double atan(double x) {
    return Math.atan(2.0 * x - 1.0);
  }

  @Differentiable
  static double atan2(double x, double y) {
    return Math.atan2(x, y - 0.5) + Math.atan2(-y, -x);
  }

  @Differentiable
  static double sinh(double x) {
    return Math.sinh(2.0 * x - 1.0);
  }

  @Differentiable
  static double cosh(double x, double y) {
    return Math.cosh(x - y);
  }

  @Differentiable
  static double tanh(double x) {
    return Math.tanh(3.0 * x - 1.5);
  }

  @Differentiable
  static double exp(double x, double y) {
    return Math.exp(x * y) / y;
  }

  @Differentiable
  static double expm1(double x) {
    return 2 * Math.expm1(x - 0.5);
  }

  @Differentiable
  static double log(double x, double y) {
    return Math.log(x * y);
  }

  @Differentiable
  static double log10(double x, double y) {
    return Math.log10(x + y);
  }

  @Differentiable
  static double log1p(double x) {
    return Math.log1p(-x);
  }

  @Differentiable
  static double sqrt(double x, double y) {
    return Math.sqrt(x * y + 0.1);
  }

  @Differentiable
  static double cbrt(double x) {
    return Math.cbrt(x - 1.0) + Math.cbrt(x);
  }

  @Differentiable
  static double pow(double x, double y) {
    return Math.pow(x, y);
  }

  @Differentiable
  static double powLiteralExponents(double x) {
    return Math.pow(x, 3) + Math.pow(x, 0.5) + Math.pow(x, -1) + Math.pow(x, 1) + Math.pow(x, 2.0)
        + Math.pow(x, 0);
  }

  @Differentiable
  static double powLiteralBase(double x) {
    return Math.pow(2.0, x) + Math.pow(0.5, 3.0 * x);
  }

  @Differentiable
  static double powIntExponent(double x, int n) {
    return Math.pow(x, n);
  }

  @Differentiable
  static double hypot(double x, double y) {
    return Math.hypot(x, y - 1.0);
  }

  @Differentiable
  static double abs(double x) {
    return Math.abs(x - 1.0) * Math.abs(x);
  }

  @Differentiable
  static double max(double x, double y) {
    return Math.max(x, y) + Math.max(x * y, 1.0);
  }

  @Differentiable
  static double min(double x, double y) {
    return Math.min(x, y) + Math.min(-x, -1.0);
  }

  @Differentiable
  static double signum(double x) {
    return x * Math.signum(x - 1.0) + Math.signum(x);
  }

  @Differentiable
  static double floor(double x) {
    return x * Math.floor(x + 2.0);
  }

  @Differentiable
  static double ceil(double x) {
    return Math.ceil(x) * x * x;
  }

  @Differentiable
  static double rint(double x) {
    return x * Math.rint(x + 2.55);
  }
}
