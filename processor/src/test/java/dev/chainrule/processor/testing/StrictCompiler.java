package dev.chainrule.processor.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.chainrule.Differentiable;
import dev.chainrule.processor.DifferentiableProcessor;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compiles sources in-process with chainrule's processor the way a user's build does: the runtime
 * module on the class path, and this repository's strict flags ({@code -Xlint:all -Werror}), so a
 * warning in the user's code or in generated code fails the compilation. {@code -parameters} keeps
 * parameter names in the class files, which tests need to pair each {@code double} parameter with
 * its {@code gradX()} accessor.
 */
public final class StrictCompiler {
  public static final List<String> OPTIONS =
      List.of("-Xlint:all", "-Werror", "--release", "17", "-parameters");

  private StrictCompiler() {}

  /**
   * Compiles {@code sources}; {@code observers} run before chainrule's processor, so they see every
   * annotation as long as they claim none.
   */
  public static Compilation compile(List<JavaFileObject> sources, Processor... observers) {
    List<Processor> processors = new ArrayList<>(List.of(observers));
    processors.add(new DifferentiableProcessor());
    return Compiler.javac()
        .withProcessors(processors)
        .withOptions(OPTIONS)
        .withClasspath(List.of(runtimeClasses()))
        .compile(sources);
  }

  /** Compiles and asserts that javac succeeded without a single warning. */
  public static Compilation compileCleanly(List<JavaFileObject> sources, Processor... observers) {
    Compilation compilation = compile(sources, observers);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  /** Where the runtime module's classes are: a folder in the reactor, or its jar. */
  private static File runtimeClasses() {
    try {
      return new File(
          Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
