package dev.chainrule.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;

/**
 * Compiles one source held in a test, for inputs that cannot live in {@code inputs/}: a bug that
 * breaks compilation there would take every other test down with it.
 */
public final class SingleSource {
  private SingleSource() {}

  /** Compiles {@code source}, which must hold exactly one differentiable method, and returns it. */
  public static DifferentiableMethod compileOne(String className, String source) {
    Compilation compilation =
        StrictCompiler.compileCleanly(List.of(JavaFileObjects.forSourceString(className, source)));
    CompiledClassLoader loader =
        new CompiledClassLoader(compilation, SingleSource.class.getClassLoader());
    List<DifferentiableMethod> methods = GeneratedClasses.differentiableMethods(loader);
    assertEquals(1, methods.size(), () -> "differentiable methods in " + className);
    return methods.get(0);
  }
}
