package dev.chainrule.processor.check;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.chainrule.processor.read.ConstantConditions;
import java.util.List;

/**
 * Whether control can reach the end of a statement, by the rules javac applies (JLS 14.22) to the
 * statements a {@code @Differentiable} method may contain: the fence uses it to tell a case that
 * falls through, and a loop that never ends.
 */
final class Reachability {
  private final Trees trees;

  Reachability(Trees trees) {
    this.trees = trees;
  }

  boolean completesNormally(TreePath path) {
    Tree statement = path.getLeaf();
    if (statement instanceof ReturnTree
        || statement instanceof BreakTree
        || statement instanceof ContinueTree) {
      return false;
    }
    if (statement instanceof BlockTree block) {
      return completesNormally(path, block.getStatements());
    }
    if (statement instanceof IfTree branch) {
      return branch.getElseStatement() == null
          || completesNormally(new TreePath(path, branch.getThenStatement()))
          || completesNormally(new TreePath(path, branch.getElseStatement()));
    }
    if (statement instanceof WhileLoopTree loop) {
      return !isAlwaysTrue(path, loop.getCondition()) || Loops.breaksOut(loop.getStatement());
    }
    if (statement instanceof ForLoopTree loop) {
      return !isAlwaysTrue(path, loop.getCondition()) || Loops.breaksOut(loop.getStatement());
    }
    if (statement instanceof DoWhileLoopTree loop) {
      // The test is reached by the end of the body or a continue; it ends the loop unless true.
      boolean tested =
          completesNormally(new TreePath(path, loop.getStatement()))
              || Loops.continuesIn(loop.getStatement());
      return (tested && !isAlwaysTrue(path, loop.getCondition()))
          || Loops.breaksOut(loop.getStatement());
    }
    if (statement instanceof SwitchTree switchTree) {
      return switchCompletesNormally(path, switchTree);
    }
    return true;
  }

  /** Whether control can reach the end of {@code statements}, which {@code parent} holds. */
  boolean completesNormally(TreePath parent, List<? extends StatementTree> statements) {
    return statements.isEmpty()
        || completesNormally(new TreePath(parent, statements.get(statements.size() - 1)));
  }

  /**
   * A switch without a default can skip every case; with one, it ends normally if a case does, or a
   * break leaves it. (The fence admits no fall-through, so each case is judged on its own.)
   */
  private boolean switchCompletesNormally(TreePath path, SwitchTree switchTree) {
    if (switchTree.getCases().stream().noneMatch(c -> c.getExpressions().isEmpty())) {
      return true;
    }
    for (CaseTree caseTree : switchTree.getCases()) {
      TreePath casePath = new TreePath(path, caseTree);
      if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
        if (!(caseTree.getBody() instanceof StatementTree body)
            || completesNormally(new TreePath(casePath, body))) {
          return true; // an expression, or a block that ends
        }
      } else {
        List<? extends StatementTree> statements = caseTree.getStatements();
        if (!statements.isEmpty()
            && (statements.get(statements.size() - 1) instanceof BreakTree
                || completesNormally(casePath, statements))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isAlwaysTrue(TreePath loop, com.sun.source.tree.ExpressionTree condition) {
    return ConstantConditions.isAlwaysTrue(trees, loop, condition);
  }
}
