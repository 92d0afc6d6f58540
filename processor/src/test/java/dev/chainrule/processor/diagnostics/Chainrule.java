package dev.chainrule.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject.DiagnosticAtColumn;
import com.google.testing.compile.Compiler;
import dev.chainrule.processor.DifferentiableProcessor;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles test sources with the chainrule processor and checks what it reported. */
final class Chainrule {
  static final String TAG = "[chainrule] ";

  private Chainrule() {}

  /** Compiles with a fresh processor and javac's default options. */
  static Compilation compile(MarkedSource... sources) {
    return Compiler.javac()
        .withProcessors(new DifferentiableProcessor())
        .compile(Arrays.stream(sources).map(MarkedSource::file).toArray(JavaFileObject[]::new));
  }

  /** Compiles with a fresh processor as strictly as the project's own build does. */
  static Compilation compileStrictly(MarkedSource... sources) {
    return Compiler.javac()
        .withProcessors(new DifferentiableProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(Arrays.stream(sources).map(MarkedSource::file).toArray(JavaFileObject[]::new));
  }

  /**
   * Asserts that the compilation failed with exactly the {@code expected} errors, each a chainrule
   * error at its place, and that nothing was generated for {@code rejectedClass} (such as {@code
   * "p.C_m"}).
   */
  static void assertRejected(Compilation compilation, String rejectedClass, Expected... expected) {
    assertThat(compilation).failed();
    for (Expected error : expected) {
      DiagnosticAtColumn onLine =
          assertThat(compilation)
              .hadErrorContaining(error.fragment)
              .inFile(error.source.file())
              .onLine(error.line);
      error.column.ifPresent(onLine::atColumn);
    }
    assertThat(compilation).hadErrorCount(expected.length);
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertWithMessage("every error is chainrule's").that(message(error)).startsWith(TAG);
      // What is wrong, then (after "; ") what is supported or what to do.
      assertWithMessage("error says what to do").that(message(error)).containsMatch("; \\S");
    }
    assertNoInternalError(compilation);
    assertNotGenerated(compilation, rejectedClass);
  }

  static void assertNotGenerated(Compilation compilation, String generatedClass) {
    assertWithMessage("generated source for rejected %s", generatedClass)
        .that(generatedSourceFile(compilation, generatedClass))
        .isEmpty();
  }

  static void assertGenerated(Compilation compilation, String generatedClass) {
    assertWithMessage(
            "generated source %s; diagnostics:\n%s", generatedClass, describe(compilation))
        .that(generatedSourceFile(compilation, generatedClass))
        .isPresent();
  }

  /**
   * What {@code compilation.generatedSourceFile(qualifiedName)} returns, also for a failed
   * compilation. compile-testing 0.23 records the files the processors wrote whatever the outcome,
   * but its accessors throw IllegalStateException once the compilation failed; the rejection tests
   * need exactly those files, to show that nothing was written for a rejected method. So for a
   * failed compilation this reads the recorded list itself.
   */
  static Optional<JavaFileObject> generatedSourceFile(
      Compilation compilation, String qualifiedName) {
    if (compilation.status() == Compilation.Status.SUCCESS) {
      return compilation.generatedSourceFile(qualifiedName);
    }
    String path =
        StandardLocation.SOURCE_OUTPUT.getName() + "/" + qualifiedName.replace('.', '/') + ".java";
    return recordedOutputs(compilation).stream()
        .filter(f -> f.toUri().getPath().endsWith(path))
        .findFirst();
  }

  /** Every file the processors wrote, also for a failed compilation. */
  static List<JavaFileObject> recordedOutputs(Compilation compilation) {
    try {
      Field generated = Compilation.class.getDeclaredField("generatedFiles");
      generated.setAccessible(true);
      @SuppressWarnings("unchecked")
      List<JavaFileObject> files = (List<JavaFileObject>) generated.get(compilation);
      return files;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("compile-testing changed: no Compilation.generatedFiles", e);
    }
  }

  /** No diagnostic of any kind admits a processor failure or carries a stack trace. */
  static void assertNoInternalError(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      String message = message(diagnostic);
      assertWithMessage("diagnostic %s", diagnostic).that(message).doesNotContain("internal error");
      assertWithMessage("diagnostic %s", diagnostic).that(message).doesNotContain("Exception");
      assertWithMessage("diagnostic %s", diagnostic).that(message).doesNotContain("\tat ");
      assertWithMessage("diagnostic %s", diagnostic)
          .that(message)
          .doesNotContain("threw an uncaught exception");
    }
  }

  static String message(Diagnostic<?> diagnostic) {
    return diagnostic.getMessage(Locale.ROOT);
  }

  /** The compilation's diagnostics, one per line, for failure messages. */
  static String describe(Compilation compilation) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      text.append(d.getKind())
          .append(' ')
          .append(d.getSource() == null ? "-" : d.getSource().getName())
          .append(':')
          .append(d.getLineNumber())
          .append(':')
          .append(d.getColumnNumber())
          .append(' ')
          .append(message(d))
          .append('\n');
    }
    return text.toString();
  }
}
