package dev.chainrule.processor.testing;

/**
 * A method with every kind of parameter the flat layout must handle, a double before an array and
 * an int[] between them that has no coordinates, and a gradient simple enough to derive by hand.
 * Compiled on first use and shared, as compiling takes a second or two.
 */
final class ArrayProbe {
  private static final String SOURCE =
      """
      package probe;

      import dev.chainrule.Differentiable;

      final class Squares {
        private Squares() {}

        @Differentiable
        static double squares(double a, int[] pick, double[] xs) {
          return a * xs[pick[0]] + xs[0] * xs[0] + xs[1] * xs[1] + xs[2] * xs[2];
        }
      }
      """;

  /** Four elements, so {@code xs[3]} is read by nothing and has gradient 0. */
  static final Point POINT = new Point(0.5, new int[] {2}, new double[] {0.3, 0.6, 0.9, 0.4});

  /** Coordinates {@code a, xs[0..3]}: {@code xs[pick[0]]}, and {@code 2 xs[i]} plus a at pick. */
  static final double[] GRADIENT = {0.9, 0.6, 1.2, 1.8 + 0.5, 0.0};

  private static DifferentiableMethod method;

  private ArrayProbe() {}

  static synchronized DifferentiableMethod method() {
    if (method == null) {
      method = SingleSource.compileOne("probe.Squares", SOURCE);
    }
    return method;
  }
}
