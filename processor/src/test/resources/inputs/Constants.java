package inputs;

import dev.chainrule.Differentiable;

/**
 * Static final fields as constants: Math's and StrictMath's, this class's, another class's in the
 * same package, java.lang's, and private compile-time constants that the generated class cannot
 * read by name. Valid for doubles in [0.2, 0.9].
 */
final class Constants {
  private Constants() {}

  static final double SCALE = 1.5;
  static final int COUNT = 3;
  private static final double OFFSET = 0.25;
  private static final int DIVISOR = 4;
  private static final long STEPS = 7L;
  private static final double TWO_PI = 2 * Math.PI;

  @Differentiable
  static double mathConstants(double x) {
    return Math.PI * x + Math.E * x * x + StrictMath.PI / x - StrictMath.E;
  }

  @Differentiable
  static double sameClass(double x, double y) {
    return SCALE * x + Constants.SCALE * x * y + COUNT / x + y / COUNT;
  }

  @Differentiable
  static double otherClass(double x, double y) {
    return SharedConstants.GRAVITY * x * y + SharedConstants.DOZEN / x
        + SharedConstants.BILLION * 1e-9 * y + SharedConstants.ROOT_TWO * x
        + SharedConstants.Nested.HALF * y * y;
  }

  @Differentiable
  static double privateConstants(double x) {
    return OFFSET + x * DIVISOR - OFFSET * x * x + x / STEPS - -OFFSET * x + Math.sin(TWO_PI * x)
        + (DIVISOR / 3) * x;
  }

  @Differentiable
  static double javaLangConstants(double x) {
    return x * (Integer.MAX_VALUE * 1e-9) + Long.MIN_VALUE * 1e-18 * x * x + Double.MIN_NORMAL * x;
  }

  @Differentiable
  static double copiedToLocals(double x) {
    double c = Math.PI;
    double d = 2;
    c *= d;
    d = c + SCALE;
    return c * x + d;
  }

  @Differentiable
  static double returnsConstant(double x) {
    return SCALE;
  }

  @Differentiable
  static double returnsMathConstant(double x) {
    return Math.PI;
  }
}
