package dev.chainrule.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds {@code @Differentiable} methods of local and anonymous classes. The round environment lists
 * only members of named classes, so without this scan such a method would compile without a word
 * and without a generated class.
 */
public final class LocalClassMethods extends TreePathScanner<Void, Void> {
  private final Trees trees;
  private final TypeElement annotation;
  private final List<TreePath> found = new ArrayList<>();
  private int localDepth;

  private LocalClassMethods(Trees trees, TypeElement annotation) {
    this.trees = trees;
    this.annotation = annotation;
  }

  /** Each annotated method declared, at any depth, in a local or anonymous class of the unit. */
  public static List<TreePath> in(Trees trees, CompilationUnitTree unit, TypeElement annotation) {
    LocalClassMethods scan = new LocalClassMethods(trees, annotation);
    scan.scan(new TreePath(unit), null);
    return scan.found;
  }

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    boolean local = !(parent instanceof ClassTree || parent instanceof CompilationUnitTree);
    localDepth += local ? 1 : 0;
    try {
      return super.visitClass(tree, unused);
    } finally {
      localDepth -= local ? 1 : 0;
    }
  }

  @Override
  public Void visitMethod(MethodTree tree, Void unused) {
    if (localDepth > 0 && isAnnotated(tree)) {
      found.add(getCurrentPath());
    }
    return super.visitMethod(tree, unused);
  }

  private boolean isAnnotated(MethodTree method) {
    for (AnnotationTree annotationTree : method.getModifiers().getAnnotations()) {
      // A cheap look at the spelling first: resolving a name attributes the whole class.
      if (annotationTree
          .getAnnotationType()
          .toString()
          .endsWith(annotation.getSimpleName().toString())) {
        TreePath typePath =
            new TreePath(
                new TreePath(getCurrentPath(), annotationTree), annotationTree.getAnnotationType());
        Element type = trees.getElement(typePath);
        if (annotation.equals(type)) {
          return true;
        }
      }
    }
    return false;
  }
}
