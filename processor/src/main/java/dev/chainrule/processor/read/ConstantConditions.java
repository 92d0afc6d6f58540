package dev.chainrule.processor.read;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Whether a loop's condition is a constant expression with value {@code true}, as javac decides
 * when it checks that a method cannot end without a return (JLS 15.29, 14.22): {@code while
 * (true)}, {@code while (ALWAYS)} for a constant field, {@code while (1 < 2)}. The fence and the
 * reader must agree with javac here, or a method javac accepts would end without a return for
 * chainrule.
 */
public final class ConstantConditions {
  private ConstantConditions() {}

  /** Whether the condition at {@code path} (absent, as in {@code for (;;)}, counts) is true. */
  public static boolean isAlwaysTrue(Trees trees, TreePath parent, ExpressionTree condition) {
    return condition == null || Boolean.TRUE.equals(value(trees, parent, condition).orElse(null));
  }

  private static Optional<Object> value(Trees trees, TreePath parent, ExpressionTree tree) {
    TreePath path = new TreePath(parent, tree);
    switch (tree.getKind()) {
      case BOOLEAN_LITERAL, INT_LITERAL, LONG_LITERAL, DOUBLE_LITERAL -> {
        return Optional.ofNullable(((LiteralTree) tree).getValue());
      }
      case PARENTHESIZED -> {
        return value(trees, path, ((ParenthesizedTree) tree).getExpression());
      }
      case IDENTIFIER, MEMBER_SELECT -> {
        Element element = trees.getElement(path);
        return element instanceof VariableElement variable
            ? Optional.ofNullable(variable.getConstantValue())
            : Optional.empty();
      }
      case LOGICAL_COMPLEMENT -> {
        return value(trees, path, ((UnaryTree) tree).getExpression())
            .filter(Boolean.class::isInstance)
            .map(b -> !(Boolean) b);
      }
      default -> {
        return tree instanceof BinaryTree binary ? binary(trees, path, binary) : Optional.empty();
      }
    }
  }

  private static Optional<Object> binary(Trees trees, TreePath path, BinaryTree tree) {
    Optional<Object> left = value(trees, path, tree.getLeftOperand());
    Optional<Object> right = value(trees, path, tree.getRightOperand());
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    Object a = left.get();
    Object b = right.get();
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return switch (tree.getKind()) {
        case CONDITIONAL_AND -> Optional.of(x && y);
        case CONDITIONAL_OR -> Optional.of(x || y);
        case EQUAL_TO -> Optional.of(x.equals(y));
        case NOT_EQUAL_TO -> Optional.of(!x.equals(y));
        default -> Optional.empty();
      };
    }
    if (!(a instanceof Number x) || !(b instanceof Number y)) {
      return Optional.empty();
    }
    double p = x.doubleValue();
    double q = y.doubleValue();
    return switch (tree.getKind()) {
      case LESS_THAN -> Optional.of(p < q);
      case LESS_THAN_EQUAL -> Optional.of(p <= q);
      case GREATER_THAN -> Optional.of(p > q);
      case GREATER_THAN_EQUAL -> Optional.of(p >= q);
      case EQUAL_TO -> Optional.of(p == q);
      case NOT_EQUAL_TO -> Optional.of(p != q);
      default -> Optional.empty(); // arithmetic: rare in a loop condition, and left to javac
    };
  }
}
