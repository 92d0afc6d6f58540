package dev.chainrule.processor.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
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
    return annotation(method).isPresent();
  }

  /** The method's {@code @Differentiable} annotation, if it has one. */
  public static Optional<AnnotationMirror> annotation(ExecutableElement method) {
    return method.getAnnotationMirrors().stream()
        .filter(
            m ->
                ((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(ANNOTATION))
        .map(m -> (AnnotationMirror) m)
        .findFirst();
  }

  /**
   * A name {@code @Differentiable(wrt = ...)} lists, with the annotation and the value that list
   * it, for errors that point at it.
   */
  public record Listed(String name, AnnotationMirror annotation, AnnotationValue value) {}

  /** The names the method's {@code wrt} lists, in order: none if it differentiates them all. */
  public static List<Listed> wrt(ExecutableElement method) {
    Optional<AnnotationMirror> annotation = annotation(method);
    if (annotation.isEmpty()) {
      return List.of();
    }
    List<Listed> listed = new ArrayList<>();
    annotation
        .get()
        .getElementValues()
        .forEach(
            (element, value) -> {
              if (element.getSimpleName().contentEquals("wrt")
                  && value.getValue() instanceof List<?> names) {
                for (Object name : names) {
                  AnnotationValue item = (AnnotationValue) name;
                  if (item.getValue() instanceof String string) {
                    listed.add(new Listed(string, annotation.get(), item));
                  }
                }
              }
            });
    return listed;
  }

  /** The names of the parameters the method is differentiated with respect to, if it lists them. */
  public static Set<String> wrtNames(ExecutableElement method) {
    Set<String> names = new LinkedHashSet<>();
    wrt(method).forEach(listed -> names.add(listed.name()));
    return names;
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
