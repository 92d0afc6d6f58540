package dev.chainrule.processor.golden;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.chainrule.processor.DifferentiableProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated source for every input under {@code src/test/resources/inputs} equals a checked-in
 * file under {@code src/test/resources/goldens/GoldenFilesTest}, so a reviewer reads exactly what
 * users get, and any change to it shows in the diff.
 *
 * <p>After an intended change, regenerate with {@code mvn verify -pl processor -am
 * -Dchainrule.updateGoldens=true} and review the diff of the golden files.
 */
class GoldenFilesTest {
  private static final String GOLDENS = "goldens/GoldenFilesTest";

  private static Map<String, String> generated;

  @BeforeAll
  static void compileInputs() {
    generated = generatedSources(compile());
  }

  @TestFactory
  Stream<DynamicTest> generatedSourceEqualsGolden() throws IOException {
    if (Boolean.getBoolean("chainrule.updateGoldens")) {
      writeGoldens(generated);
    }
    Map<String, String> goldens = readGoldens();
    return Stream.concat(
        generated.entrySet().stream()
            .map(
                entry ->
                    DynamicTest.dynamicTest(
                        entry.getKey(),
                        () -> {
                          assertTrue(
                              goldens.containsKey(entry.getKey()),
                              "no golden file for "
                                  + entry.getKey()
                                  + "; run with -Dchainrule.updateGoldens=true and review it");
                          assertEquals(goldens.get(entry.getKey()), entry.getValue());
                        })),
        goldens.keySet().stream()
            .filter(name -> !generated.containsKey(name))
            .map(
                stale ->
                    DynamicTest.dynamicTest(
                        stale + " (stale)",
                        () -> fail(stale + " is no longer generated; delete it"))));
  }

  @Test
  void generationIsDeterministic() {
    assertEquals(generated, generatedSources(compile()));
  }

  @Test
  void everyInputGeneratesSomething() {
    assertFalse(generated.isEmpty(), "no input under src/test/resources/inputs generated a class");
  }

  private static Compilation compile() {
    List<JavaFileObject> inputs =
        inputFiles().stream().map(path -> JavaFileObjects.forResource(resource(path))).toList();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new DifferentiableProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .compile(inputs);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  /**
   * Generated sources by their path below the output root, such as {@code
   * inputs/Seed_andGate.java}.
   */
  private static Map<String, String> generatedSources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String name = file.toUri().getPath().replaceFirst("^/SOURCE_OUTPUT/", "");
      try {
        sources.put(name, file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  private static List<String> inputFiles() {
    Path root = Paths.get(resourceUri("inputs"));
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .map(p -> "inputs/" + root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> readGoldens() throws IOException {
    Map<String, String> goldens = new TreeMap<>();
    Path root = goldenRoot();
    if (!Files.isDirectory(root)) {
      return goldens;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        goldens.put(
            root.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return goldens;
  }

  /**
   * The checked-in goldens in the source tree, as the build passes them in, so that an update is
   * read back at once; from the classpath when a test runner does not pass the directory.
   */
  private static Path goldenRoot() {
    String dir = System.getProperty("chainrule.goldenDir");
    return dir != null ? Paths.get(dir, "GoldenFilesTest") : Paths.get(resourceUri(GOLDENS));
  }

  /** Rewrites the checked-in goldens from this run's output. */
  private static void writeGoldens(Map<String, String> sources) throws IOException {
    Path root = goldenRoot();
    if (Files.exists(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.delete(file);
        }
      }
    }
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = root.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static java.net.URL resource(String path) {
    return GoldenFilesTest.class.getClassLoader().getResource(path);
  }

  private static java.net.URI resourceUri(String path) {
    try {
      return resource(path).toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
