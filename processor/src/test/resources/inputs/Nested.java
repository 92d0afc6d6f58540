package inputs;

import dev.chainrule.Differentiable;

/**
 * Differentiable methods in nested classes, which name their generated class after the whole
 * nesting ({@code Nested_Inner_scaled}), including a private nested class whose constant the
 * generated class cannot read. Valid for doubles in [0.2, 0.9].
 */
final class Nested {
  private Nested() {}

  @Differentiable
  static double outer(double x) {
    return x + Inner.FACTOR * x * x;
  }

  static final class Inner {
    private Inner() {}

    static final double FACTOR = 2.0;

    @Differentiable
    static double scaled(double x) {
      return FACTOR * Math.sin(x);
    }

    static final class Deeper {
      private Deeper() {}

      @Differentiable
      static double product(double x, double y) {
        return Inner.FACTOR * x * y + Hidden.SECRET * y;
      }
    }
  }

  private static final class Hidden {
    private Hidden() {}

    private static final double SECRET = 0.125;

    @Differentiable
    static double square(double x) {
      return x * x * SECRET;
    }
  }
}
