package dev.chainrule.graph;

import java.util.List;
import java.util.Locale;

/**
 * Writes Graphviz DOT text: record-shaped value nodes, plain operation nodes and edges, with every
 * label escaped. Both pictures chainrule draws, of a {@link ComputationGraph} and of an interpreted
 * {@code Value} expression, go through it, so they escape and format alike.
 *
 * <p>Statements come out in the order they are added and numbers in a fixed locale, so the same
 * graph always gives the same text. For example
 *
 * <pre>{@code
 * new Dot("x*y")
 *     .record("v0", List.of("x", "value 2", "grad 3"))
 *     .record("v1", List.of("y", "value 3", "grad 2"))
 *     .node("v2_op", "*")
 *     .edge("v0", "v2_op")
 *     .edge("v1", "v2_op")
 *     .toString()
 * }</pre>
 *
 * <p>gives a {@code digraph "x*y"} laid out left to right, as micrograd's {@code draw_dot} does,
 * with {@code "v0" [shape=record, label="{ x | value 2 | grad 3 }"];} among its lines.
 */
public final class Dot {
  private final String name;
  private final StringBuilder statements = new StringBuilder();

  /** An empty directed graph called {@code name}. */
  public Dot(String name) {
    this.name = name;
  }

  /**
   * Adds a node drawn as a box of fields side by side; each field is escaped, so it may contain the
   * characters records reserve ({@code { } | < >}), quotes, backslashes and line breaks.
   */
  public Dot record(String id, List<String> fields) {
    StringBuilder label = new StringBuilder("{ ");
    for (int i = 0; i < fields.size(); i++) {
      label.append(i == 0 ? "" : " | ").append(escapeRecordField(fields.get(i)));
    }
    label.append(" }");
    statements
        .append("  ")
        .append(quote(id))
        .append(" [shape=record, label=\"")
        .append(label)
        .append("\"];\n");
    return this;
  }

  /** Adds a plain oval node, such as an operation between values. */
  public Dot node(String id, String label) {
    statements
        .append("  ")
        .append(quote(id))
        .append(" [label=")
        .append(quote(label))
        .append("];\n");
    return this;
  }

  /** Adds an edge from {@code from} to {@code to}. */
  public Dot edge(String from, String to) {
    statements.append("  ").append(quote(from)).append(" -> ").append(quote(to)).append(";\n");
    return this;
  }

  /** Adds an edge from {@code from} to {@code to} with a label beside it. */
  public Dot edge(String from, String to, String label) {
    statements
        .append("  ")
        .append(quote(from))
        .append(" -> ")
        .append(quote(to))
        .append(" [label=")
        .append(quote(label))
        .append("];\n");
    return this;
  }

  /** The whole graph as DOT text. */
  @Override
  public String toString() {
    return "digraph "
        + quote(name)
        + " {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n"
        + statements
        + "}\n";
  }

  /**
   * A number as pictures show it: whole numbers without a fraction ({@code 1}, {@code -2}), others
   * to six significant digits without trailing zeros ({@code 0.5}, {@code 24.7041}, {@code
   * 1.5e-07}), and {@code NaN} or {@code Infinity} as such.
   */
  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String text = String.format(Locale.ROOT, "%.6g", value);
    int exponent = text.indexOf('e');
    String mantissa = exponent < 0 ? text : text.substring(0, exponent);
    String suffix = exponent < 0 ? "" : text.substring(exponent);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return mantissa + suffix;
  }

  /**
   * {@code text} as a DOT quoted string: quotes and backslashes escaped, line breaks as {@code \n}.
   */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"', '\\' -> quoted.append('\\').append(c);
        case '\n' -> quoted.append("\\n");
        case '\r' -> {}
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  /** Like {@link #quote} without the quotes, and with the record syntax characters escaped too. */
  static String escapeRecordField(String text) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"', '\\', '{', '}', '|', '<', '>' -> escaped.append('\\').append(c);
        case '\n' -> escaped.append("\\n");
        case '\r' -> {}
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
