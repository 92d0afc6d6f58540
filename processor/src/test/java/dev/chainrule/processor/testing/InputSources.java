package dev.chainrule.processor.testing;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * The shared test inputs: every {@code .java} file in the test resources folder {@code inputs/}, in
 * name order. The folder is listed rather than its files named, so a new input is compiled and
 * checked by every test without being registered anywhere.
 */
public final class InputSources {
  /** The resource folder, which is also the inputs' package. */
  public static final String FOLDER = "inputs";

  private InputSources() {}

  /** The inputs as javac sources. */
  public static List<JavaFileObject> all() {
    return paths().stream().map(InputSources::source).toList();
  }

  /** The inputs' files, for tests that read their text. */
  public static List<Path> paths() {
    Path folder = folder();
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> sources =
          files.filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList();
      if (sources.isEmpty()) {
        throw new IllegalStateException("no .java files in " + folder);
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path folder() {
    URL url = InputSources.class.getClassLoader().getResource(FOLDER);
    if (url == null || !url.getProtocol().equals("file")) {
      throw new IllegalStateException(
          "test resource folder "
              + FOLDER
              + "/ not found as a directory on the class path: "
              + url);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JavaFileObject source(Path path) {
    try {
      return JavaFileObjects.forResource(path.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
