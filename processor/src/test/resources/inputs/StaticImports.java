package inputs;

import static java.lang.Math.*;

import dev.chainrule.Differentiable;

/**
 * Math functions and constants through {@code import static java.lang.Math.*}: {@code sin(x)} means
 * {@code Math.sin(x)} and {@code PI} means {@code Math.PI}. Valid for doubles in [0.2, 0.9].
 */
final class StaticImports {
  private StaticImports() {}

  @Differentiable
  static double wave(double x, double y) {
    return sin(x) * cos(y) + exp(-x) * sqrt(y) + tanh(x - y);
  }

  @Differentiable
  static double constants(double x) {
    return PI * x * x + E / x;
  }

  @Differentiable
  static double mixed(double x, double y) {
    return pow(x, y) + max(x, 2.0 * y) + abs(x - 1.0) + log(hypot(x, y)) + Math.atan(x * y);
  }
}
