package inputs;

import dev.chainrule.Differentiable;

/**
 * Parameter lists: int, long and boolean parameters beside doubles (not differentiable, and the
 * boolean is never read), a parameter returned as it is, a literal returned, an unused parameter,
 * many parameters, and none of type double. Valid for doubles in [0.2, 0.9], ints in
 * {-3, 1, 2, 3, 7} and longs in {-4, 1, 5, 10}.
 */
final class Parameters {
  private Parameters() {}

  @Differentiable
  static double mixed(double x, int n, double y, long k, boolean flag) {
    return x * n + y * k - x * y / n + Math.abs(n) * y + Math.max(n, 2) * x + Math.min(k, 3L) / y
        + Math.max(x, n);
  }

  @Differentiable
  static double identity(double x) {
    return x;
  }

  @Differentiable
  static double second(double x, double y) {
    return y;
  }

  @Differentiable
  static double literal(double x) {
    return 2.5;
  }

  @Differentiable
  static double intLiteral(double x) {
    return 7;
  }

  @Differentiable
  static double widened(double x, int n) {
    return n;
  }

  @Differentiable
  static double noDoubles(int n, long k, boolean flag) {
    return n / 2 + k * 0.5;
  }

  @Differentiable
  static double unused(double x, double y) {
    return x * x;
  }

  @Differentiable
  static double reused(double x) {
    return x * x * x + x / x + x - x + (x + x) * x;
  }

  @Differentiable
  static double many(double a, double b, double c, double d, double e, double f, double g) {
    return a * b + c * d + e * f - g / a;
  }
}
