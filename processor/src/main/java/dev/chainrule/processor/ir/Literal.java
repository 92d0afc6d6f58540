package dev.chainrule.processor.ir;

/**
 * A numeric literal. {@code text} is valid Java source that denotes exactly {@code value} in {@code
 * type} (the user's spelling where there is one), so generated code keeps the user's digits.
 */
public record Literal(double value, String text, Type type) implements Expr, Operand {

  /** A double literal whose text round-trips exactly. */
  public static Literal ofDouble(double value) {
    return new Literal(value, javaText(value), Type.DOUBLE);
  }

  /** Java source for a double value that reads back as the same bits (for finite values). */
  public static String javaText(double value) {
    // Qualified: a class named Double in the user's package must not capture these.
    if (Double.isNaN(value)) {
      return "java.lang.Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0
          ? "java.lang.Double.POSITIVE_INFINITY"
          : "java.lang.Double.NEGATIVE_INFINITY";
    }
    return Double.toString(value);
  }
}
