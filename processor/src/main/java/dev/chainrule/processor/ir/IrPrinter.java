package dev.chainrule.processor.ir;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Prints the IR as text, one line per statement or step, for tests and for users who pass {@code
 * -Achainrule.debug=true} to see what chainrule made of their method.
 *
 * <pre>
 * function Gate.loss(n1: double, n4: double, n: int)
 *   12: n3 = n1 + n4
 *   13: return Math.sin(n3) * n
 * </pre>
 */
public final class IrPrinter {
  private IrPrinter() {}

  public static String print(Function function) {
    StringBuilder text =
        new StringBuilder("function ")
            .append(function.ownerName())
            .append('.')
            .append(function.name())
            .append(parameters(function.params().stream().map(IrPrinter::declaration).toList()))
            .append('\n');
    statements(function.body(), "  ", text);
    return text.toString();
  }

  private static void statements(List<Stmt> statements, String indent, StringBuilder text) {
    for (Stmt statement : statements) {
      text.append(indent).append(statement.line().number()).append(": ");
      if (statement instanceof Stmt.Declare declare) {
        text.append("declare ").append(declare.target().name());
      } else if (statement instanceof Stmt.Assign assign) {
        text.append(assign.target().name()).append(" = ").append(print(assign.value()));
      } else if (statement instanceof Stmt.Store store) {
        text.append(store.array().name())
            .append('[')
            .append(print(store.index()))
            .append("] = ")
            .append(print(store.value()));
      } else if (statement instanceof Stmt.Return ret) {
        text.append("return ").append(print(ret.value()));
      } else if (statement instanceof Stmt.If branch) {
        text.append("if ").append(print(branch.condition())).append('\n');
        statements(branch.then(), indent + "  ", text);
        text.append(indent).append("else\n");
        statements(branch.otherwise(), indent + "  ", text);
        continue;
      } else if (statement instanceof Stmt.Loop loop) {
        text.append(loop.testFirst() ? "while " : "do-while ")
            .append(print(loop.condition()))
            .append('\n');
        statements(loop.body(), indent + "  ", text);
        if (!loop.update().isEmpty()) {
          text.append(indent).append("update\n");
          statements(loop.update(), indent + "  ", text);
        }
        continue;
      } else {
        text.append(statement instanceof Stmt.Break ? "break" : "continue");
      }
      text.append('\n');
    }
  }

  /** The trace, each step marked with {@code *} where {@code marked} holds (active steps, say). */
  public static String print(Trace trace, Predicate<Step> marked) {
    Function function = trace.function();
    StringBuilder text =
        new StringBuilder("trace ")
            .append(function.ownerName())
            .append('.')
            .append(function.name())
            .append(parameters(trace.params().stream().map(IrPrinter::declaration).toList()))
            .append('\n');
    nodes(trace.body(), marked, "", text);
    return text.append("  return ").append(print(trace.result())).append('\n').toString();
  }

  private static void nodes(
      List<Node> nodes, Predicate<Step> marked, String indent, StringBuilder text) {
    for (Node node : nodes) {
      if (node instanceof Step step) {
        text.append(marked.test(step) ? "* " : "  ")
            .append(indent)
            .append(step.line().number())
            .append(": ")
            .append(step.result().name())
            .append(" = ")
            .append(print(step))
            .append('\n');
      } else if (node instanceof Loop loop) {
        loop(loop, marked, indent, text);
      } else {
        Branch branch = (Branch) node;
        text.append("  ")
            .append(indent)
            .append(branch.line().number())
            .append(": ")
            .append(branch.taken().name())
            .append(" = ")
            .append(print(branch.condition()))
            .append('\n');
        nodes(branch.then(), marked, indent + "  then ", text);
        nodes(branch.otherwise(), marked, indent + "  else ", text);
        for (Branch.Phi phi : branch.phis()) {
          text.append("  ")
              .append(indent)
              .append(phi.result().name())
              .append(" = ")
              .append(branch.taken().name())
              .append(" ? ")
              .append(print(phi.fromThen()))
              .append(" : ")
              .append(print(phi.fromElse()))
              .append('\n');
        }
      }
    }
  }

  /**
   * A loop: each carried variable's header with where it starts and what the body gives it, the
   * condition, the body, and the exits.
   */
  private static void loop(Loop loop, Predicate<Step> marked, String indent, StringBuilder text) {
    for (Loop.Carried carried : loop.carried()) {
      text.append("  ")
          .append(indent)
          .append(carried.header().name())
          .append(" = loop ")
          .append(print(carried.initial()))
          .append(", ")
          .append(print(carried.next()))
          .append('\n');
    }
    text.append("  ")
        .append(indent)
        .append(loop.line().number())
        .append(": ")
        .append(loop.testFirst() ? "while " : "do-while ")
        .append(print(loop.condition()))
        .append(", counted in ")
        .append(loop.iterations().name())
        .append('\n');
    nodes(loop.body(), marked, indent + "  loop ", text);
  }

  private static String declaration(Variable variable) {
    return variable.name() + ": " + variable.type().javaName();
  }

  private static String declaration(Value value) {
    return value.name() + ": " + value.type().javaName();
  }

  private static String parameters(List<String> parameters) {
    return parameters.stream().collect(Collectors.joining(", ", "(", ")"));
  }

  private static String print(Step step) {
    List<String> args = step.args().stream().map(IrPrinter::print).toList();
    return apply(step.primitive(), step.callee(), args);
  }

  private static String print(Operand operand) {
    if (operand instanceof Value value) {
      return value.name();
    }
    if (operand instanceof Literal literal) {
      return literal.text();
    }
    return ((Constant) operand).displayName();
  }

  private static String print(Expr expr) {
    if (expr instanceof Expr.Read read) {
      return read.variable().name();
    }
    if (expr instanceof Expr.Conditional conditional) {
      return "("
          + print(conditional.condition())
          + " ? "
          + print(conditional.then())
          + " : "
          + print(conditional.otherwise())
          + ")";
    }
    if (expr instanceof Expr.Apply apply) {
      // Inside an operator, a nested operator is parenthesised: the tree's shape, not precedence.
      boolean inOperator = !apply.primitive().isMathFunction();
      List<String> args =
          apply.args().stream()
              .map(a -> inOperator && isOperator(a) ? "(" + print(a) + ")" : print(a))
              .toList();
      return apply(apply.primitive(), apply.callee(), args);
    }
    return print((Operand) expr);
  }

  private static boolean isOperator(Expr expr) {
    return expr instanceof Expr.Apply apply
        && apply.primitive().notation() == Primitive.Notation.INFIX;
  }

  /**
   * A primitive applied to printed arguments, as Java would spell it: {@code a + b}, {@code
   * Math.sin(a)}.
   */
  public static String apply(Primitive primitive, Callee callee, List<String> args) {
    return switch (primitive.notation()) {
      case INFIX -> args.get(0) + " " + primitive.symbol() + " " + args.get(1);
      case PREFIX -> primitive.symbol() + args.get(0);
      case COPY -> args.get(0);
      case CAST -> "(double) " + args.get(0);
      case CALL ->
          callee.displayName() + "." + primitive.symbol() + "(" + String.join(", ", args) + ")";
      case METHOD -> callee.displayName() + "(" + String.join(", ", args) + ")";
      case INDEX -> args.get(0) + "[" + args.get(1) + "]";
      case LENGTH -> args.get(0) + ".length";
      case ARRAY ->
          switch (primitive) {
            case NEW_ARRAY -> "new [" + args.get(0) + "]";
            case STORE -> args.get(0) + " with [" + args.get(1) + "] = " + args.get(2);
            default -> "{" + String.join(", ", args) + "}";
          };
    };
  }
}
