package inputs;

import dev.chainrule.Differentiable;

/**
 * Branches that broke once: a double negation in a condition (written as a decrement), a class
 * named in a condition and shadowed by a parameter, boolean arguments with a short-circuit that
 * must not divide by zero. Valid for any arguments in [0.2, 0.9].
 */
final class BranchEdgeCases {
  static final double K = 0.55;

  private BranchEdgeCases() {}

  static int sign(double v) {
    return v > 0.5 ? 1 : -1;
  }

  @Differentiable
  static double doubleNegation(double x, double y) {
    if (-(-x) > 0.5 && -(-1) < 2) {
      return x * y;
    }
    return y;
  }

  @Differentiable
  static double shadowedInCondition(double x, double BranchEdgeCases) {
    if (sign(x) > 0 || x > K) {
      return x * BranchEdgeCases;
    }
    return BranchEdgeCases;
  }

  @Differentiable
  static double flip(double a, boolean negate) {
    return negate ? -a : a;
  }

  @Differentiable
  static double booleanArguments(double x, boolean f, int n) {
    return flip(x, f) + flip(x * x, true) + flip(x, n != 0 && 10 / n > 2);
  }
}
