package dev.chainrule.processor.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chainrule as a user without a build tool meets it: {@code javac -processorpath <processor and
 * JavaPoet> -cp <runtime>}, the processor found through its {@code META-INF/services} entry, as the
 * README describes. Runs the platform's javac with exactly those arguments, then loads the
 * generated class and checks a gradient worked out by hand.
 */
class JavacCommandLineTest {
  private static final String SOURCE =
      """
      package demo;

      import dev.chainrule.Differentiable;

      final class Poly {
        private Poly() {}

        @Differentiable
        static double horner(double[] c, double x) {
          double y = 0;
          for (int i = c.length - 1; i >= 0; i--) {
            y = y * x + c[i];
          }
          return y;
        }
      }
      """;

  @Test
  void javacFindsTheProcessorOnTheProcessorPath(@TempDir Path work) throws Exception {
    Path source = work.resolve("src/demo/Poly.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, SOURCE);
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated"));
    String processorPath = pathOf(entry("processor/target/classes"), entry("javapoet"));
    String classPath = pathOf(entry("chainrule-runtime", "runtime/target/classes"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            new PrintStream(messages, true, StandardCharsets.UTF_8),
            new PrintStream(messages, true, StandardCharsets.UTF_8),
            "-parameters",
            "-Xlint:all",
            "-Werror",
            "-processorpath",
            processorPath,
            "-cp",
            classPath,
            "-d",
            classes.toString(),
            "-s",
            generated.toString(),
            source.toString());
    String output = messages.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, "javac failed:\n" + output);
    assertTrue(Files.exists(generated.resolve("demo/Poly_horner.java")), output);

    URL[] urls = {classes.toUri().toURL(), Path.of(classPath).toUri().toURL()};
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      Class<?> type = loader.loadClass("demo.Poly_horner");
      Object workspace = type.getConstructor().newInstance();
      double[] c = {1, -2, 3};
      double x = 0.5;
      double value =
          (double) type.getMethod("forward", double[].class, double.class).invoke(workspace, c, x);
      type.getMethod("backward").invoke(workspace);
      assertEquals(1 - 2 * x + 3 * x * x, value, 1e-15);
      double[] gradC = (double[]) type.getMethod("gradC").invoke(workspace);
      assertEquals(List.of(1.0, x, x * x), Arrays.stream(gradC).boxed().toList());
      assertEquals(-2 + 6 * x, (double) type.getMethod("gradX").invoke(workspace), 1e-15);
    }
  }

  /** The entry of this test's class path whose path contains one of {@code parts}. */
  private static String entry(String... parts) throws IOException {
    List<String> wanted = Arrays.stream(parts).map(p -> p.replace("/", File.separator)).toList();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> wanted.stream().anyMatch(e::contains))
        .findFirst()
        .orElseThrow(() -> new IOException("none of " + wanted + " on the test class path"));
  }

  private static String pathOf(String... entries) {
    return Arrays.stream(entries).collect(Collectors.joining(File.pathSeparator));
  }
}
