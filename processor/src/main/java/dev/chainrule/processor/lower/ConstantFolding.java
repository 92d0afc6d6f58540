package dev.chainrule.processor.lower;

import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Type;
import java.util.List;
import java.util.Optional;

/**
 * Folds arithmetic on literals at compile time, as javac does for the user's own method: {@code 0.0
 * + 1.0} becomes {@code 1.0} instead of a step that forward computes and backward may keep. Only
 * what folds to the same bits at run time: double {@code + - * /} (IEEE arithmetic is exact to
 * specify), int arithmetic except division by zero, which must throw at run time. Math functions
 * are never folded: their results may differ in the last bit between this compiler's JVM and the
 * one that runs the code.
 */
final class ConstantFolding {
  private ConstantFolding() {}

  static Optional<Literal> fold(Primitive primitive, List<Operand> args, Type type) {
    if (args.isEmpty() || !args.stream().allMatch(Literal.class::isInstance)) {
      return Optional.empty();
    }
    double a = ((Literal) args.get(0)).value();
    double b = args.size() > 1 ? ((Literal) args.get(1)).value() : 0;
    if (type == Type.DOUBLE) {
      return switch (primitive) {
        case ADD -> Optional.of(Literal.ofDouble(a + b));
        case SUBTRACT -> Optional.of(Literal.ofDouble(a - b));
        case MULTIPLY -> Optional.of(Literal.ofDouble(a * b));
        case DIVIDE -> Optional.of(Literal.ofDouble(a / b));
        case NEGATE -> Optional.of(Literal.ofDouble(-a));
        default -> Optional.empty();
      };
    }
    if (type == Type.INT) {
      int x = (int) a;
      int y = (int) b;
      return switch (primitive) {
        case ADD -> Optional.of(ofInt(x + y));
        case SUBTRACT -> Optional.of(ofInt(x - y));
        case MULTIPLY -> Optional.of(ofInt(x * y));
        case DIVIDE -> y == 0 ? Optional.empty() : Optional.of(ofInt(x / y));
        default -> Optional.empty();
      };
    }
    return Optional.empty(); // long literals may not be exact as the double the IR keeps
  }

  private static Literal ofInt(int value) {
    return new Literal(value, Integer.toString(value), Type.INT);
  }
}
