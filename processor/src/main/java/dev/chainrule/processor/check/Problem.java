package dev.chainrule.processor.check;

import com.sun.source.util.TreePath;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** One thing wrong with a @Differentiable method, and where javac should point when it says so. */
public record Problem(String message, Location location) {

  /** Where a problem is reported: a tree inside a method body, or a declaration. */
  public sealed interface Location {}

  /** The narrowest tree of the offending code; javac prints its file, line and caret. */
  public record AtTree(TreePath path) implements Location {}

  /** A declaration (the method, one of its parameters), for problems with no better tree. */
  public record AtElement(Element element) implements Location {}

  /** A value of an annotation on a declaration: javac points at the value itself. */
  public record AtAnnotationValue(
      Element element, AnnotationMirror annotation, AnnotationValue value) implements Location {}

  public static Problem at(TreePath path, String message) {
    return new Problem(message, new AtTree(path));
  }

  public static Problem at(Element element, String message) {
    return new Problem(message, new AtElement(element));
  }

  public static Problem at(
      Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    return new Problem(message, new AtAnnotationValue(element, annotation, value));
  }
}
