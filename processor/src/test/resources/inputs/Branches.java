package inputs;

import dev.chainrule.Differentiable;

/**
 * Branches: if/else, else-if chains, nested ifs, ?:, returns inside branches, conditions over
 * doubles, ints and booleans with && || !. Valid for x, y in [0.2, 0.9]; thresholds sit away from
 * the sample points, so no finite difference straddles a kink.
 */
final class Branches {
  private Branches() {}

  @Differentiable
  static double huber(double x, double delta) {
    double a = Math.abs(x - 0.5);
    if (a <= delta * 0.25) {
      return 0.5 * a * a;
    }
    return delta * (a - 0.5 * delta);
  }

  @Differentiable
  static double relu(double x) {
    return x - 0.5 > 0 ? x - 0.5 : 0;
  }

  @Differentiable
  static double elseIfChain(double x, double y, int n, boolean flip) {
    double z = x * y;
    if (n > 2 && !flip) {
      z = Math.sin(z) + y;
    } else if (x < 0.5 || n == 1) {
      z *= 2;
      double t = Math.exp(x);
      z += t;
    } else {
      y = y * y;
    }
    return z * y;
  }

  @Differentiable
  static double nested(double x, double y) {
    double r;
    if (x > 0.5) {
      if (y > 0.5) {
        r = x * y;
      } else {
        r = x / y;
      }
    } else {
      r = y > x ? Math.log(y - x + 1) : Math.sqrt(x - y + 1);
    }
    return r + x;
  }

  @Differentiable
  static double earlyReturns(double x, int n) {
    if (n < 0) {
      return -x * n;
    }
    double y = x * x;
    if (y > 0.25) {
      y = y - x;
      if (n == 7) {
        return y * 3;
      }
    }
    return y + n;
  }

  @Differentiable
  static double conditionsWithShortCircuit(double x, int n) {
    // 10 / n is evaluated only when n != 0, as Java does; the condition is written out whole.
    if (n != 0 && 10 / n > 2 || x > 0.85) {
      return x * n;
    }
    return Math.cos(x);
  }

  @Differentiable
  static double ternaryInsideExpression(double x, double y, boolean flag) {
    return (flag ? x : y) * (x > y ? x - y : y - x) + (flag && x > 0.5 ? 1 : 2) * y;
  }

  @Differentiable
  static double branchOnlyAssignsOneArm(double x, double y) {
    double z = y;
    if (x > 0.55) {
      z = x * z;
    }
    return z + y;
  }
}
