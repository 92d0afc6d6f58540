package dev.chainrule.processor.diagnostics;

import java.util.OptionalInt;

/**
 * One error a test expects: a distinctive part of its message and where javac must print it, on a
 * marked line of a {@link MarkedSource}. The column is optional; tests give it with {@link #at}
 * where it points at something meaningful (a keyword, an operator, a declaration's name).
 */
final class Expected {
  final String fragment;
  final MarkedSource source;
  final int line;
  final OptionalInt column;

  private Expected(String fragment, MarkedSource source, int line, OptionalInt column) {
    this.fragment = fragment;
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /**
   * An error whose message contains {@code fragment}, on the only marked line of {@code source}.
   */
  static Expected error(String fragment, MarkedSource source) {
    return new Expected(fragment, source, source.line(), OptionalInt.empty());
  }

  /**
   * An error whose message contains {@code fragment}, on the line marked {@code // ERROR: label}.
   */
  static Expected error(String fragment, MarkedSource source, String label) {
    return new Expected(fragment, source, source.line(label), OptionalInt.empty());
  }

  /** The same error, at the column where {@code token} starts on its line. */
  Expected at(String token) {
    return new Expected(fragment, source, line, OptionalInt.of(source.column(line, token)));
  }

  @Override
  public String toString() {
    return "error containing \""
        + fragment
        + "\" at "
        + source.file().getName()
        + ":"
        + line
        + (column.isPresent() ? ":" + column.getAsInt() : "");
  }
}
