package inputs;

import dev.chainrule.Differentiable;

/**
 * Locals and parameters assigned again and again, with {@code =}, every compound operator and
 * {@code ++}/{@code --}: each assignment is a new value, and the gradient must flow through the
 * latest one. Valid for doubles in [0.2, 0.9] and ints in {-3, 1, 2, 3, 7}.
 */
final class Reassignment {
  private Reassignment() {}

  @Differentiable
  static double local(double x) {
    double y = x;
    y = y * y;
    y = y + x;
    y = Math.sin(y);
    y = y * x - y;
    y = 3.0 * y;
    y = y / (x + 1.0);
    return y;
  }

  @Differentiable
  static double parameters(double x, double y) {
    x = x * y;
    y = x + y;
    x = Math.exp(x) - y;
    y = y * y;
    return x * y;
  }

  @Differentiable
  static double overwrittenParameter(double x, double y) {
    x = y * 2.0;
    return x * y;
  }

  @Differentiable
  static double compound(double x, double y) {
    double z = x;
    z += y;
    z -= 0.5 * x;
    z *= y + 1.0;
    z /= x;
    z += 1;
    z *= 2;
    z -= 3L;
    z /= 4;
    return z;
  }

  @Differentiable
  static double compoundParameters(double x, double y, int n) {
    x += n / 2;
    y -= x * n;
    x *= y;
    y /= n;
    x -= Math.cos(y);
    return x + y;
  }

  @Differentiable
  static double increments(double x) {
    double y = x * x;
    y++;
    ++y;
    y--;
    x++;
    --x;
    x--;
    y *= x;
    return y;
  }

  @Differentiable
  static double uninitialized(double x, double y) {
    double a;
    double b;
    a = x * y;
    b = a + x;
    a = b / y;
    return a - b;
  }
}
