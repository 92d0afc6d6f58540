package dev.chainrule.processor.testing;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The test inputs compiled once per test run, with everything tests derive from them: compiling
 * takes seconds and every gradient test needs the same classes. A failed compilation is remembered
 * and reported to every test that asks, rather than surfacing as a class initialisation error.
 */
public final class CompiledInputs {
  private static CompiledInputs instance;
  private static Throwable failure;

  private final Compilation compilation;
  private final CompiledClassLoader classLoader;
  private final Set<String> annotatedMethods;
  private final List<DifferentiableMethod> methods;

  private CompiledInputs() {
    AnnotatedMethodRecorder recorder = new AnnotatedMethodRecorder();
    compilation = StrictCompiler.compileCleanly(InputSources.all(), recorder);
    annotatedMethods = Set.copyOf(recorder.methods());
    classLoader = new CompiledClassLoader(compilation, CompiledInputs.class.getClassLoader());
    methods = List.copyOf(GeneratedClasses.differentiableMethods(classLoader));
  }

  /** The inputs, compiled on first use. */
  public static synchronized CompiledInputs get() {
    if (instance == null && failure == null) {
      try {
        instance = new CompiledInputs();
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new AssertionError(
          "compiling the inputs in " + InputSources.FOLDER + "/ failed", failure);
    }
    return instance;
  }

  /** Every differentiable method of the inputs, sorted by name; a JUnit method source. */
  public static List<DifferentiableMethod> differentiableMethods() {
    return get().methods;
  }

  /** The differentiable method called {@code name}, such as {@code "Seed.andGate"}. */
  public static DifferentiableMethod method(String name) {
    return get().methods.stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no differentiable method " + name));
  }

  public Compilation compilation() {
    return compilation;
  }

  public CompiledClassLoader classLoader() {
    return classLoader;
  }

  /**
   * The methods that carry {@code @Differentiable} in the sources, whether or not a class was
   * generated.
   */
  public Set<String> annotatedMethods() {
    return annotatedMethods;
  }
}
