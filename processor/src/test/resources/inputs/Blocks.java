package inputs;

import dev.chainrule.Differentiable;

/**
 * Nested blocks, and sibling blocks that each declare their own local of the same name: different
 * variables that must not be mixed up. Valid for doubles in [0.2, 0.9].
 */
final class Blocks {
  private Blocks() {}

  @Differentiable
  static double nested(double x, double y) {
    double total = x;
    {
      double a = total * y;
      {
        double b = a + x;
        {
          total = total + a * b;
        }
        total *= b;
      }
      total -= a;
    }
    return total;
  }

  @Differentiable
  static double siblings(double x, double y) {
    double total = 0.0;
    {
      double t = x * y;
      total += t;
    }
    {
      double t = x - y;
      t = t * t;
      total += t;
    }
    {
      double t = Math.sin(x);
      {
        double u = t * y;
        total *= u;
      }
      {
        double u = t + y;
        total += u;
      }
    }
    return total;
  }

  @Differentiable
  static double empty(double x) {
    {
    }
    ;
    double y = x * x;
    {
      {
        y += x;
      }
    }
    return y;
  }
}
