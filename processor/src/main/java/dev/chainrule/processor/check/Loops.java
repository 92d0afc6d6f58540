package dev.chainrule.processor.check;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.EnumSet;
import java.util.Set;

/** What the fence needs to know about loops: where a break or continue goes, and any return. */
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

  /** Whether a break in {@code body} leaves the loop it is the body of. */
  static boolean breaksOut(StatementTree body) {
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

  /** Whether a continue in {@code body} goes to the test of the loop it is the body of. */
  static boolean continuesIn(StatementTree body) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null || (tree != body && LOOPS.contains(tree.getKind()))) {
          return null;
        }
        return super.scan(tree, unused);
      }

      @Override
      public Void visitContinue(ContinueTree tree, Void unused) {
        found[0] |= tree.getLabel() == null;
        return null;
      }
    }.scan(body, null);
    return found[0];
  }

  /** Whether a return stands anywhere in {@code body}. */
  static boolean returnsIn(StatementTree body) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(body, null);
    return found[0];
  }
}
