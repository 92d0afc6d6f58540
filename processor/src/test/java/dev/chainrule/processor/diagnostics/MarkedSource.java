package dev.chainrule.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A test's Java source, with the lines that must carry an error marked by a trailing comment, so
 * the reader sees where each error goes and the test never hard-codes a line number:
 *
 * <pre>
 *     if (x &gt; 0) { // ERROR
 *     y %= 2; // ERROR: remainder
 * </pre>
 *
 * <p>{@code // ERROR} alone marks the one line of a single-error test; {@code // ERROR: label}
 * names a line when a test expects errors on several lines.
 */
final class MarkedSource {
  static final String MARKER = "// ERROR";

  private final JavaFileObject file;
  private final List<String> lines;

  private MarkedSource(JavaFileObject file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /** {@code qualifiedName} is the top-level class's name, e.g. {@code "p.C"}. */
  static MarkedSource of(String qualifiedName, String text) {
    return new MarkedSource(
        JavaFileObjects.forSourceString(qualifiedName, text), text.lines().toList());
  }

  JavaFileObject file() {
    return file;
  }

  /** The 1-based number of the only marked line. */
  int line() {
    List<Integer> marked = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(MARKER)) {
        marked.add(i + 1);
      }
    }
    assertWithMessage("lines marked %s in %s", MARKER, file.getName()).that(marked).hasSize(1);
    return marked.get(0);
  }

  /** The 1-based number of the line marked {@code // ERROR: label}. */
  int line(String label) {
    List<Integer> marked = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).stripTrailing().endsWith(MARKER + ": " + label)) {
        marked.add(i + 1);
      }
    }
    assertWithMessage("lines marked %s: %s in %s", MARKER, label, file.getName())
        .that(marked)
        .hasSize(1);
    return marked.get(0);
  }

  /**
   * The 1-based column at which {@code token} starts on {@code line}, as javac counts it (the
   * sources are indented with spaces). The token must occur exactly once before the marker, so the
   * expected position cannot be ambiguous.
   */
  int column(int line, String token) {
    String text = lines.get(line - 1);
    int end = text.indexOf(MARKER);
    String code = end < 0 ? text : text.substring(0, end);
    int first = code.indexOf(token);
    assertWithMessage("'%s' on line %s: %s", token, line, text).that(first).isAtLeast(0);
    assertWithMessage("'%s' occurs more than once on line %s: %s", token, line, text)
        .that(code.indexOf(token, first + 1))
        .isEqualTo(-1);
    return first + 1;
  }
}
