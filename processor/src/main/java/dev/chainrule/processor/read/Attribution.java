package dev.chainrule.processor.read;

import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

/**
 * Makes javac attribute a method body before chainrule reads its types.
 *
 * <p>Annotation processing runs before javac attributes method bodies, so expression trees have no
 * types yet. {@link Trees#getElement} attributes the enclosing class on demand when asked about a
 * tree that has no symbol of its own, such as a block; the types and symbols it fills in are the
 * ones javac computes. Javac holds back the diagnostics of this early attribution and attributes
 * the trees afresh after processing, so nothing the user sees changes.
 */
public final class Attribution {
  private Attribution() {}

  public static void ensure(Trees trees, TreePath methodPath) {
    trees.getElement(new TreePath(methodPath, ((MethodTree) methodPath.getLeaf()).getBody()));
  }
}
