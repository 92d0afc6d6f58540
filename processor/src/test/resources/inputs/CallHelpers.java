package inputs;

import dev.chainrule.Differentiable;

/** Helpers that Calls calls from another class. Valid for any arguments. */
final class CallHelpers {
  private CallHelpers() {}

  @Differentiable
  static double square(double x) {
    return x * x;
  }

  static int twice(int n) {
    return 2 * n;
  }
}
