package dev.chainrule.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ParenthesizedTree;

/** Small facts about javac trees that the fence and the reader both need. */
public final class TreeInfo {
  private TreeInfo() {}

  /** {@code x} for {@code ((x))}: Java lets an assignment's target be parenthesised. */
  public static ExpressionTree skipParentheses(ExpressionTree tree) {
    ExpressionTree inner = tree;
    while (inner instanceof ParenthesizedTree parenthesized) {
      inner = parenthesized.getExpression();
    }
    return inner;
  }
}
