package dev.chainrule.processor.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the differentiable methods among compiled classes: a static method {@code m} of {@code p.C}
 * counts as differentiable when the compilation also wrote {@code p.C_m} ({@code p.C_D_m} for a
 * nested {@code C.D}), the name the contract gives its generated class. Pairing by name rather than
 * by annotation also finds the hand-written pairs that test the harness itself.
 */
public final class GeneratedClasses {
  private GeneratedClasses() {}

  /** Every differentiable method the loader's compilation contains, sorted by name. */
  public static List<DifferentiableMethod> differentiableMethods(CompiledClassLoader loader) {
    List<DifferentiableMethod> methods = new ArrayList<>();
    for (String className : loader.classNames()) {
      Class<?> owner = loader.find(className).orElseThrow();
      for (Method method : owner.getDeclaredMethods()) {
        if (Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
          generatedClassOf(loader, owner, method)
              .ifPresent(
                  generated ->
                      methods.add(
                          new DifferentiableMethod(nameOf(owner, method), method, generated)));
        }
      }
    }
    methods.sort(Comparator.comparing(DifferentiableMethod::name));
    return methods;
  }

  private static Optional<Class<?>> generatedClassOf(
      CompiledClassLoader loader, Class<?> owner, Method method) {
    String packagePrefix = owner.getPackageName().isEmpty() ? "" : owner.getPackageName() + ".";
    String nesting = owner.getName().substring(packagePrefix.length()).replace('$', '_');
    return loader.find(packagePrefix + nesting + "_" + method.getName());
  }

  /** {@code Outer.Inner.method}. */
  private static String nameOf(Class<?> owner, Method method) {
    String packagePrefix = owner.getPackageName().isEmpty() ? "" : owner.getPackageName() + ".";
    return owner.getName().substring(packagePrefix.length()).replace('$', '.')
        + "."
        + method.getName();
  }
}
