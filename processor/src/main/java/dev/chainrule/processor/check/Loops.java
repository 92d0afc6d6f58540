package dev.chainrule.processor.check;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.chainrule.processor.read.TreeInfo;
import java.util.EnumSet;
import java.util.Set;

/** What the fence needs to know about loops: where a break goes, and whether a loop ever ends. */
final class Loops {
  private static final Set<Tree.Kind> LOOPS =
      EnumSet.of(
          Tree.Kind.FOR_LOOP,
          Tree.Kind.ENHANCED_FOR_LOOP,
          Tree.Kind.WHILE_LOOP,
          Tree.Kind.DO_WHILE_LOOP);

  private Loops() {}

  /** Whether the unlabeled break at {@code path} leaves a switch rather than a loop. */
  static boolean breaksSwitch(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree.Kind kind = p.getLeaf().getKind();
      if (LOOPS.contains(kind)) {
        return false;
      }
      if (kind == Tree.Kind.SWITCH) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code statement} is a loop whose condition is {@code true} (or absent) and that no
   * break leaves: control never passes beyond it, as javac sees it, so no return need follow.
   */
  static boolean runsForever(StatementTree statement) {
    ExpressionTree condition;
    StatementTree body;
    if (statement instanceof WhileLoopTree loop) {
      condition = loop.getCondition();
      body = loop.getStatement();
    } else if (statement instanceof DoWhileLoopTree loop) {
      condition = loop.getCondition();
      body = loop.getStatement();
    } else if (statement instanceof ForLoopTree loop) {
      condition = loop.getCondition();
      body = loop.getStatement();
    } else {
      return false;
    }
    return isTrue(condition) && !breaksOut(body);
  }

  private static boolean isTrue(ExpressionTree condition) {
    return condition == null
        || (TreeInfo.skipParentheses(condition) instanceof LiteralTree literal
            && Boolean.TRUE.equals(literal.getValue()));
  }

  /** Whether a break in {@code body} leaves the loop it is the body of. */
  private static boolean breaksOut(StatementTree body) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        // A break inside a nested loop or switch leaves that one.
        if (tree == null
            || (tree != body
                && (LOOPS.contains(tree.getKind()) || tree.getKind() == Tree.Kind.SWITCH))) {
          return null;
        }
        return super.scan(tree, unused);
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        found[0] |= tree.getLabel() == null;
        return null;
      }
    }.scan(body, null);
    return found[0];
  }
}
