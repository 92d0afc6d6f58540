package dev.chainrule.processor.testing;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * A processor that only watches: it records the name of every {@code @Differentiable} method and
 * claims nothing, so chainrule's processor, running after it, still gets them all.
 * {@code @Differentiable} has CLASS retention, invisible to reflection; this list is how tests know
 * which generated classes to expect, so that a method the processor skipped cannot go unnoticed.
 */
public final class AnnotatedMethodRecorder extends AbstractProcessor {
  private static final String ANNOTATION = "dev.chainrule.Differentiable";

  private final Set<String> methods = new TreeSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ANNOTATION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ANNOTATION);
    if (annotation != null) {
      for (ExecutableElement method :
          ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
        methods.add(nameOf(method));
      }
    }
    return false;
  }

  /**
   * {@code Outer.Inner.method}: the enclosing classes' simple names, as {@link
   * DifferentiableMethod#name()}.
   */
  private static String nameOf(ExecutableElement method) {
    StringBuilder name = new StringBuilder(method.getSimpleName());
    for (var e = method.getEnclosingElement();
        e instanceof TypeElement t;
        e = e.getEnclosingElement()) {
      name.insert(0, t.getSimpleName() + ".");
    }
    return name.toString();
  }

  /** The methods recorded so far, such as {@code Nested.Inner.scaled}. */
  public Set<String> methods() {
    return Collections.unmodifiableSet(methods);
  }
}
