package inputs;

import dev.chainrule.Differentiable;

/** Switches on int selectors: arrow and colon cases, several labels, default anywhere. */
final class Switches {
  private static final int TWO = 2;

  private Switches() {}

  @Differentiable
  static double arrows(double x, int n) {
    double y = x;
    switch (n) {
      case 1 -> y = x * x;
      case TWO, 3 -> {
        y = Math.sin(x);
        y *= 2;
      }
      default -> y = y + 1;
    }
    return y * x;
  }

  @Differentiable
  static double colons(double x, double w, int n) {
    double y;
    switch (n) {
      case -3:
        y = w;
        break;
      default:
        y = x * w;
        break;
      case 7:
      case 1:
        return Math.exp(x) * w;
    }
    return y + x;
  }

  @Differentiable
  static double expression(double x, long k, int n) {
    double scale =
        switch (n) {
          case 1 -> 0.5;
          case 5 -> x;
          default -> Math.log(x + k + 5);
        };
    return scale * x;
  }
}
