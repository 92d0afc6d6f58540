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
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(value);
  }
}
