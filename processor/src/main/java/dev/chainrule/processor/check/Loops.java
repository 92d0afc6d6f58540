package dev.chainrule.processor.check;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
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

  private static final Set<Tree.Kind> LOOPS_AND_SWITCHES =
      EnumSet.of(
          Tree.Kind.FOR_LOOP,
          Tree.Kind.ENHANCED_FOR_LOOP,
          Tree.Kind.WHILE_LOOP,
          Tree.Kind.DO_WHILE_LOOP,
          Tree.Kind.SWITCH);

  /** Whether a break in {@code body} leaves the loop it is the body of. */
  static boolean breaksOut(StatementTree body) {
    // A break inside a nested loop or switch leaves that one.
    return contains(body, Tree.Kind.BREAK, LOOPS_AND_SWITCHES);
  }

  /** Whether a continue in {@code body} goes to the test of the loop it is the body of. */
  static boolean continuesIn(StatementTree body) {
    return contains(body, Tree.Kind.CONTINUE, LOOPS);
  }

  /** Whether a return stands anywhere in {@code body}. */
  static boolean returnsIn(StatementTree body) {
    return contains(body, Tree.Kind.RETURN, Set.of());
  }

  /**
   * Whether {@code body} holds an unlabeled statement of kind {@code jump}, not looking inside
   * nested trees of the {@code opaque} kinds, where such a statement would not concern this body.
   */
  private static boolean contains(StatementTree body, Tree.Kind jump, Set<Tree.Kind> opaque) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null || found[0] || (tree != body && opaque.contains(tree.getKind()))) {
          return null;
        }
        if (tree.getKind() == jump && isUnlabeled(tree)) {
          found[0] = true;
          return null;
        }
        return super.scan(tree, unused);
      }
    }.scan(body, null);
    return found[0];
  }

  private static boolean isUnlabeled(Tree jump) {
    return !(jump instanceof BreakTree jumpOut && jumpOut.getLabel() != null)
        && !(jump instanceof ContinueTree jumpOn && jumpOn.getLabel() != null);
  }
}
