package dev.chainrule.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.chainrule.processor.ad.rules.Formula;
import dev.chainrule.processor.ad.rules.Partial;
import dev.chainrule.processor.ir.Constant;
import dev.chainrule.processor.ir.IrPrinter;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.MathClass;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import java.util.List;

/**
 * Prints IR as Java expressions with the names {@link Names} chose, adding only the parentheses the
 * expression's structure needs (floating-point operations do not reassociate, so neither does
 * this).
 */
final class Code {
  private static final ClassName MATH = ClassName.get(Math.class);

  /** Binding strength, loosest first. */
  private static final int CONDITIONAL = 0;

  private static final int ADDITIVE = 1;
  private static final int MULTIPLICATIVE = 2;
  private static final int UNARY = 3;
  private static final int ATOM = 4;

  private final Names names;

  Code(Names names) {
    this.names = names;
  }

  /** An expression and how tightly it binds. */
  private record Printed(CodeBlock code, int precedence) {
    CodeBlock within(int context) {
      return precedence < context ? CodeBlock.of("($L)", code) : code;
    }
  }

  static TypeName typeOf(Type type) {
    return switch (type) {
      case DOUBLE -> TypeName.DOUBLE;
      case LONG -> TypeName.LONG;
      case INT -> TypeName.INT;
      case BOOLEAN -> TypeName.BOOLEAN;
      case DOUBLE_ARRAY -> ArrayTypeName.of(TypeName.DOUBLE);
      case INT_ARRAY -> ArrayTypeName.of(TypeName.INT);
    };
  }

  CodeBlock operand(Operand operand) {
    return print(operand).code();
  }

  private Printed print(Operand operand) {
    if (operand instanceof Value value) {
      return new Printed(CodeBlock.of("$L", names.of(value)), ATOM);
    }
    if (operand instanceof Literal literal) {
      String text = literal.text();
      return new Printed(CodeBlock.of("$L", text), text.startsWith("-") ? UNARY : ATOM);
    }
    Constant constant = (Constant) operand;
    ClassName owner = className(constant.packageName(), constant.classNames());
    return new Printed(CodeBlock.of("$T.$L", owner, constant.field()), ATOM);
  }

  /**
   * {@code site.forward(args)} for a call, the arguments at {@code copied} replaced by the
   * workspace's buffers holding copies of them ({@code hAtCall}).
   */
  CodeBlock forwardCall(Step call, List<Integer> copied) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int a = 0; a < call.args().size(); a++) {
      arguments.add(a == 0 ? "" : ", ");
      arguments.add(
          copied.contains(a)
              ? CodeBlock.of("$L", names.snapshot(call, a))
              : operand(call.args().get(a)));
    }
    return CodeBlock.of("$L.forward($L)", names.callSite(call), arguments.build());
  }

  /** The right-hand side of a step, as the user's source would compute it. */
  CodeBlock primal(Step step) {
    List<Operand> args = step.args();
    return switch (step.primitive().notation()) {
      case INFIX -> {
        Printed left = print(args.get(0));
        Printed right = print(args.get(1));
        yield CodeBlock.of("$L $L $L", left.code(), step.primitive().symbol(), right.code());
      }
      case PREFIX ->
          CodeBlock.of("$L$L", step.primitive().symbol(), print(args.get(0)).within(ATOM));
      case COPY -> operand(args.get(0));
      case CAST -> CodeBlock.of("(double) $L", print(args.get(0)).within(ATOM));
      case CALL -> {
        ClassName owner = ClassName.bestGuess(((MathClass) step.callee()).qualifiedName());
        yield CodeBlock.of("$T.$L($L)", owner, step.primitive().symbol(), arguments(args));
      }
      case METHOD -> {
        MethodRef method = (MethodRef) step.callee();
        yield CodeBlock.of("$T.$L($L)", ownerOf(method), method.name(), arguments(args));
      }
      case INDEX -> CodeBlock.of("$L[$L]", operand(args.get(0)), operand(args.get(1)));
      case LENGTH -> CodeBlock.of("$L.length", operand(args.get(0)));
      case ARRAY ->
          throw new IllegalArgumentException(
              step.primitive() + " is a statement of its own: the writers spell it out");
    };
  }

  /** The class that declares a called method. */
  static ClassName ownerOf(MethodRef method) {
    return className(method.packageName(), method.classNames());
  }

  /** The generated class of a called {@code @Differentiable} method. */
  static ClassName generatedClassOf(MethodRef method) {
    return ClassName.get(method.packageName(), method.generatedClass());
  }

  private static ClassName className(String packageName, List<String> classes) {
    return ClassName.get(
        packageName, classes.get(0), classes.subList(1, classes.size()).toArray(String[]::new));
  }

  /** The step as plain text for people, such as {@code n1 + n2} or {@code Math.sin(y_t1)}. */
  String describe(Step step) {
    List<String> args = step.args().stream().map(this::text).toList();
    return IrPrinter.apply(step.primitive(), step.callee(), args);
  }

  private String text(Operand operand) {
    if (operand instanceof Value value) {
      return names.of(value);
    }
    if (operand instanceof Literal literal) {
      return literal.text();
    }
    return ((Constant) operand).displayName();
  }

  /** The partial derivative's value as an expression: {@code [-] [times] [/ dividedBy]}. */
  CodeBlock partialValue(Partial partial) {
    CodeBlock.Builder code = CodeBlock.builder().add(partial.negative() ? "-" : "");
    if (partial.times().isPresent()) {
      // Bare in an array initialiser, but bound tightly before a division, and under a minus sign
      // even a negative literal is parenthesised: "--1.0" would be a decrement.
      int context =
          partial.negative()
              ? ATOM
              : partial.dividedBy().isPresent() ? MULTIPLICATIVE : CONDITIONAL;
      code.add("$L", print(partial.times().get()).within(context));
    } else {
      code.add("1.0");
    }
    partial.dividedBy().ifPresent(f -> code.add(" / $L", print(f).within(MULTIPLICATIVE + 1)));
    return code.build();
  }

  CodeBlock arguments(List<Operand> args) {
    return args.stream().map(this::operand).collect(CodeBlock.joining(", "));
  }

  /**
   * {@code seed [* times] [/ dividedBy]}, the chain rule's product for one partial. The sign is
   * left to the caller, which folds it into {@code -=} or a leading minus.
   */
  CodeBlock product(CodeBlock seed, Partial partial) {
    CodeBlock.Builder code = CodeBlock.builder().add("$L", seed);
    partial.times().ifPresent(f -> code.add(" * $L", print(f).within(MULTIPLICATIVE + 1)));
    partial.dividedBy().ifPresent(f -> code.add(" / $L", print(f).within(MULTIPLICATIVE + 1)));
    return code.build();
  }

  private Printed print(Formula formula) {
    if (formula instanceof Formula.Of of) {
      return print(of.operand());
    }
    if (formula instanceof Formula.Num num) {
      String text = Literal.javaText(num.value());
      return new Printed(CodeBlock.of("$L", text), num.value() < 0 ? UNARY : ATOM);
    }
    if (formula instanceof Formula.Call call) {
      CodeBlock args =
          call.args().stream().map(a -> print(a).code()).collect(CodeBlock.joining(", "));
      return new Printed(CodeBlock.of("$T.$L($L)", MATH, call.function(), args), ATOM);
    }
    if (formula instanceof Formula.CalleeGradient gradient) {
      return new Printed(
          CodeBlock.of("$L.$L()", names.callSite(gradient.call()), gradient.accessor()), ATOM);
    }
    if (formula instanceof Formula.Binary binary) {
      int precedence = binary.op() == '+' || binary.op() == '-' ? ADDITIVE : MULTIPLICATIVE;
      CodeBlock left = print(binary.left()).within(precedence);
      CodeBlock right = print(binary.right()).within(precedence + 1);
      return new Printed(CodeBlock.of("$L $L $L", left, binary.op(), right), precedence);
    }
    Formula.Select select = (Formula.Select) formula;
    CodeBlock condition =
        select.all().stream()
            .map(
                c ->
                    CodeBlock.of(
                        "$L $L $L",
                        print(c.left()).within(ADDITIVE),
                        c.op(),
                        print(c.right()).within(ADDITIVE)))
            .collect(CodeBlock.joining(" && "));
    return new Printed(
        CodeBlock.of(
            "$L ? $L : $L",
            condition,
            print(select.then()).within(CONDITIONAL + 1),
            print(select.otherwise()).within(CONDITIONAL)),
        CONDITIONAL);
  }
}
