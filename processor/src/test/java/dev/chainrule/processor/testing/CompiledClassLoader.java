package dev.chainrule.processor.testing;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Loads classes from a compilation's in-memory class files, the user's and the generated ones, so
 * tests run exactly the bytecode javac produced. Every other class comes from the parent, the
 * test's own class loader: a generated {@code graph(...)} then returns the very {@code
 * ComputationGraph} class the test was compiled against.
 */
public final class CompiledClassLoader extends ClassLoader {
  private static final String CLASS_OUTPUT = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";

  private final Compilation compilation;

  public CompiledClassLoader(Compilation compilation, ClassLoader parent) {
    super(parent);
    this.compilation = compilation;
  }

  /** The binary names of every class the compilation wrote, such as {@code inputs.Nested$Inner}. */
  public List<String> classNames() {
    return compilation.generatedFiles().stream()
        .filter(f -> f.getKind() == JavaFileObject.Kind.CLASS)
        .map(f -> f.toUri().getPath())
        .map(path -> path.substring(path.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length()))
        .map(path -> path.substring(0, path.length() - ".class".length()).replace('/', '.'))
        .sorted()
        .toList();
  }

  /** The named class, or empty if the compilation did not write it. */
  public Optional<Class<?>> find(String binaryName) {
    try {
      return Optional.of(loadClass(binaryName));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    Optional<JavaFileObject> file =
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class");
    if (file.isEmpty()) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = file.get().openInputStream()) {
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
