package dev.chainrule.processor.read;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** What a name in a method body refers to, as far as chainrule cares. */
public final class References {
  /** The annotation's name, which the processor and the checks agree on. */
  public static final String ANNOTATION = "dev.chainrule.Differentiable";

  private References() {}

  /** A parameter or local variable of the method being read. */
  public static boolean isVariable(Element element) {
    return element != null
        && (element.getKind() == ElementKind.PARAMETER
            || element.getKind() == ElementKind.LOCAL_VARIABLE);
  }

  /** A method annotated {@code @Differentiable}, in source or in a class file. */
  public static boolean isDifferentiable(ExecutableElement method) {
    return method.getAnnotationMirrors().stream()
        .map(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString())
        .anyMatch(ANNOTATION::equals);
  }

  /** A {@code static final} field: a constant for differentiation, whatever its initialiser. */
  public static boolean isStaticFinalField(Element element) {
    return element != null
        && element.getKind() == ElementKind.FIELD
        && element.getModifiers().contains(Modifier.STATIC)
        && element.getModifiers().contains(Modifier.FINAL);
  }

  /**
   * Whether a class in {@code packageName} can read {@code field} by name: the field and every
   * class around it must be public, or non-private in the same package.
   */
  public static boolean isVisibleFrom(Element member, String packageName) {
    for (Element e = member;
        e instanceof VariableElement || e instanceof ExecutableElement || e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PUBLIC)) {
        continue;
      }
      if (e.getModifiers().contains(Modifier.PRIVATE) || !packageOf(e).equals(packageName)) {
        return false;
      }
    }
    return true;
  }

  /** The simple names of {@code type} and the classes around it, outermost first. */
  public static List<String> classNames(TypeElement type) {
    Deque<String> names = new ArrayDeque<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      names.addFirst(e.getSimpleName().toString());
    }
    return List.copyOf(names);
  }

  /** The classes around {@code member}, outermost first. */
  public static List<String> ownerNames(Element member) {
    return classNames((TypeElement) member.getEnclosingElement());
  }

  public static String packageOf(Element element) {
    Element e = element;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }
}
