package inputs;

import dev.chainrule.Differentiable;

/**
 * The four operators, unary minus and plus, parentheses, literals of every supported type and
 * spelling, casts to double, and int arithmetic (division truncates, multiplication wraps around)
 * before it meets a double. Valid for doubles in [0.2, 0.9], ints in {-3, 1, 2, 3, 7} and longs in
 * {-4, 1, 5, 10}.
 */
final class Arithmetic {
  private Arithmetic() {}

  @Differentiable
  static double operators(double x, double y) {
    return (x + y) * (x - y) / (y + 1.0) + x * y - y / x;
  }

  @Differentiable
  static double precedence(double x, double y, double z) {
    return x + y * z - x / y * z - z / x / y + x - y - z;
  }

  @Differentiable
  static double literals(double x) {
    return 2.5 * x + 3 * x * x - 4L * x + 1e-3 / x + 0x10 * x + 1_000 * x / 1_000L + .5 * x + 2d;
  }

  @Differentiable
  static double unary(double x, double y) {
    return -x * +y - -(x * y) + -2.0 * x + (+3) * y - (-x) + -(-(-y));
  }

  @Differentiable
  static double parentheses(double x, double y, double z) {
    return ((x - (y - z)) * ((x)) / (y * (z + x))) - (((x)));
  }

  @Differentiable
  static double halfOf(double x, int n) {
    return x * (n / 2);
  }

  @Differentiable
  static double integerDivision(double x, int n) {
    return x * (n / 2) + x * n / 2 + (n / 2) / x + 7 / 2 * x + (n + 1) / 2 * x * x;
  }

  @Differentiable
  static double casts(double x, int n, long k) {
    return (double) n / 2 * x + (double) (n / 2) * x + (double) k * x / 3 + (double) 1 / 3 * x;
  }

  @Differentiable
  static double implicitWidening(double x, double y, int n, long k) {
    double half = n / 2;
    double big = k;
    y = n;
    double sum = half + big * y;
    return x * sum;
  }

  @Differentiable
  static double integerArithmetic(double x, int n, long k) {
    return x * ((n * 1_000_000_000) * 1e-9) + x * (k * k - n) + x / (k + 20L) + (-n) * x;
  }
}
