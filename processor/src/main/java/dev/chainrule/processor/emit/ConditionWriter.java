package dev.chainrule.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.chainrule.processor.ir.Constant;
import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.MathClass;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Variable;
import java.util.Map;

/**
 * Writes a branch's condition as the user wrote it, with each variable read as the value it holds
 * at the branch. It is written whole, not lowered to steps, so {@code &&}, {@code ||} and {@code
 * ?:} evaluate only what Java would: {@code n != 0 && 10 / n > 1} must not divide by zero.
 */
final class ConditionWriter {
  private static final int ATOM = 16;
  private static final int PREFIX = 14;
  private static final int CONDITIONAL = 3;

  private final Code code;
  private final Map<Variable, Operand> reads;

  private ConditionWriter(Code code, Map<Variable, Operand> reads) {
    this.code = code;
    this.reads = reads;
  }

  static CodeBlock write(Expr condition, Map<Variable, Operand> reads, Code code) {
    return new ConditionWriter(code, reads).print(condition, 0);
  }

  /** {@code expr}, parenthesised if it binds less tightly than {@code context} needs. */
  private CodeBlock print(Expr expr, int context) {
    int precedence = precedence(expr);
    CodeBlock printed = printBare(expr);
    return precedence < context ? CodeBlock.of("($L)", printed) : printed;
  }

  private CodeBlock printBare(Expr expr) {
    if (expr instanceof Expr.Read read) {
      return code.operand(reads.get(read.variable()));
    }
    if (expr instanceof Literal || expr instanceof Constant) {
      return code.operand((Operand) expr);
    }
    if (expr instanceof Expr.Conditional conditional) {
      return CodeBlock.of(
          "$L ? $L : $L",
          print(conditional.condition(), CONDITIONAL + 1),
          print(conditional.then(), CONDITIONAL + 1),
          print(conditional.otherwise(), CONDITIONAL));
    }
    Expr.Apply apply = (Expr.Apply) expr;
    Primitive primitive = apply.primitive();
    int precedence = precedence(expr);
    return switch (primitive.notation()) {
      case INFIX ->
          CodeBlock.of(
              "$L $L $L",
              print(apply.args().get(0), precedence),
              primitive.symbol(),
              print(apply.args().get(1), precedence + 1));
      // Anything but an atom is parenthesised after a prefix: "--x" would be a decrement.
      case PREFIX, CAST ->
          CodeBlock.of("$L$L", primitive.symbol(), print(apply.args().get(0), ATOM));
      case COPY -> print(apply.args().get(0), precedence);
      case CALL ->
          CodeBlock.of(
              "$T.$L($L)",
              ClassName.bestGuess(((MathClass) apply.callee()).qualifiedName()),
              primitive.symbol(),
              arguments(apply));
      case METHOD -> {
        MethodRef method = (MethodRef) apply.callee();
        yield CodeBlock.of("$T.$L($L)", Code.ownerOf(method), method.name(), arguments(apply));
      }
      case INDEX ->
          CodeBlock.of("$L[$L]", print(apply.args().get(0), ATOM), print(apply.args().get(1), 0));
      case LENGTH -> CodeBlock.of("$L.length", print(apply.args().get(0), ATOM));
      case ARRAY -> throw new IllegalArgumentException("arrays are not made in conditions");
    };
  }

  private CodeBlock arguments(Expr.Apply apply) {
    return apply.args().stream().map(a -> print(a, 0)).collect(CodeBlock.joining(", "));
  }

  /** Java's operator precedence, higher binding tighter. */
  private static int precedence(Expr expr) {
    if (expr instanceof Expr.Conditional) {
      return CONDITIONAL;
    }
    if (!(expr instanceof Expr.Apply apply)) {
      return expr instanceof Literal literal && literal.text().startsWith("-") ? PREFIX : ATOM;
    }
    return switch (apply.primitive()) {
      case MULTIPLY, DIVIDE, REMAINDER -> 13;
      case ADD, SUBTRACT -> 12;
      case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> 10;
      case EQUAL, NOT_EQUAL -> 9;
      case AND -> 5;
      case OR -> 4;
      case NEGATE, NOT, TO_DOUBLE -> PREFIX;
      case COPY -> ATOM;
      default -> ATOM; // calls
    };
  }
}
