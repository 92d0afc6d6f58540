package dev.chainrule.graph;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Graphviz's {@code dot} program to turn DOT text into an SVG, when it is installed. Pictures
 * are an extra: nothing in chainrule needs Graphviz, so a missing {@code dot} is reported in words,
 * by {@link #write} in its {@link Picture#summary()} and by {@link #renderSvg} in its exception,
 * never as an obscure failure to start a process.
 *
 * <pre>{@code
 * ComputationGraph graph = Neuron_loss.graph(0.5, 0.1, 1.0, 1.0);   // generated
 * Picture picture = new Graphviz().write(graph.toDot(), Path.of("loss.dot"));
 * System.out.println(picture.summary());   // wrote loss.dot and loss.svg
 * }</pre>
 */
public final class Graphviz {
  /** How long {@code dot} may run before it is stopped. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final String program;
  private final Duration timeout;

  /** Graphviz as {@code dot} on the {@code PATH}, stopped after {@link #DEFAULT_TIMEOUT}. */
  public Graphviz() {
    this("dot", DEFAULT_TIMEOUT);
  }

  /**
   * Graphviz as {@code program}: a name looked up on the {@code PATH}, or a path to the executable.
   */
  public Graphviz(String program, Duration timeout) {
    this.program = Objects.requireNonNull(program, "program");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The executable that would run, if there is one. */
  public Optional<Path> executable() {
    if (isPath()) {
      Path path = Path.of(program);
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.of(path)
          : Optional.empty();
    }
    String searchPath = Objects.requireNonNullElse(System.getenv("PATH"), "");
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    for (String directory : searchPath.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      for (String name :
          windows ? new String[] {program + ".exe", program} : new String[] {program}) {
        Path candidate = Path.of(directory, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@link #renderSvg} can run. */
  public boolean isAvailable() {
    return executable().isPresent();
  }

  /**
   * Writes {@code dot} to {@code dotFile} and, when Graphviz is installed, draws it into the SVG of
   * the same name beside it ({@code loss.dot} gives {@code loss.svg}). Without Graphviz only the
   * DOT file is written and the summary says so.
   *
   * @throws IOException if a file cannot be written, or Graphviz fails or times out
   */
  public Picture write(String dot, Path dotFile) throws IOException {
    Path parent = dotFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
    if (!isAvailable()) {
      return new Picture(
          dotFile, Optional.empty(), "wrote " + dotFile + "; no SVG: " + notFound(dotFile));
    }
    Path svgFile = dotFile.resolveSibling(baseName(dotFile) + ".svg");
    renderSvg(dotFile, svgFile);
    return new Picture(dotFile, Optional.of(svgFile), "wrote " + dotFile + " and " + svgFile);
  }

  /**
   * Runs {@code dot -Tsvg -o svgFile dotFile}.
   *
   * @throws IOException if Graphviz is not installed, exits with an error (its message is
   *     included), or runs longer than the timeout
   */
  public void renderSvg(Path dotFile, Path svgFile) throws IOException {
    Path executable = executable().orElseThrow(() -> new IOException(notFound(dotFile)));
    Path log = Files.createTempFile("chainrule-dot", ".log");
    try {
      Process process =
          new ProcessBuilder(
                  executable.toString(), "-Tsvg", "-o", svgFile.toString(), dotFile.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            executable + " did not draw " + dotFile + " within " + timeout.toMillis() + " ms");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            executable
                + " failed on "
                + dotFile
                + " with exit code "
                + process.exitValue()
                + ": "
                + Files.readString(log, StandardCharsets.UTF_8).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + executable + " drew " + dotFile, e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private String notFound(Path dotFile) {
    return "Graphviz's '"
        + program
        + (isPath() ? "' program is not an executable file" : "' program is not on the PATH")
        + "; install Graphviz (for example apt-get install graphviz"
        + " or brew install graphviz) to get SVG pictures, or open "
        + dotFile
        + " in any DOT viewer";
  }

  /** Whether the program was given as a path rather than a name to look up on the PATH. */
  private boolean isPath() {
    return program.contains(File.separator) || program.contains("/");
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
