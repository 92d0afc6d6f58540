package dev.chainrule.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DotTest {

  @Test
  void recordsNodesAndEdgesComeOutInTheOrderAdded() {
    String text =
        new Dot("x*y")
            .record("v0", List.of("x", "value 2", "grad 3"))
            .record("v1", List.of("y", "value 3", "grad 2"))
            .node("v2_op", "*")
            .edge("v0", "v2_op")
            .edge("v1", "v2_op", "∂ 3")
            .toString();
    ParsedDot dot = ParsedDot.parse(text);
    assertEquals("x*y", dot.name());
    assertEquals(List.of("v0", "v1", "v2_op"), List.copyOf(dot.nodes().keySet()));
    assertEquals(List.of("x", "value 2", "grad 3"), dot.nodes().get("v0").fields());
    assertEquals(List.of("*"), dot.nodes().get("v2_op").fields());
    assertEquals(
        List.of(new ParsedDot.Edge("v0", "v2_op", null), new ParsedDot.Edge("v1", "v2_op", "∂ 3")),
        dot.edges());
    assertTrue(text.contains("  \"v0\" [shape=record, label=\"{ x | value 2 | grad 3 }\"];\n"));
    assertTrue(text.startsWith("digraph \"x*y\" {\n  rankdir=LR;\n"), text);
  }

  @Test
  void recordFieldsEscapeWhatRecordsAndQuotedStringsReserve() {
    String nasty = "a|b {c} <d> \"e\" \\f\nline two";
    String text = new Dot("g").record("v0", List.of(nasty, "ok")).toString();
    assertTrue(
        text.contains("a\\|b \\{c\\} \\<d\\> \\\"e\\\" \\\\f\\nline two | ok"), "escaped: " + text);
    assertEquals(List.of(nasty, "ok"), ParsedDot.parse(text).nodes().get("v0").fields());
  }

  @Test
  void plainLabelsAndGraphNamesEscapeQuotesBackslashesAndLineBreaks() {
    String text =
        new Dot("say \"hi\"")
            .node("n", "a \"b\" \\ c\nd {not special here}")
            .edge("n", "n", "x\"y")
            .toString();
    assertTrue(text.contains("[label=\"a \\\"b\\\" \\\\ c\\nd {not special here}\"]"), text);
    ParsedDot dot = ParsedDot.parse(text);
    assertEquals("say \"hi\"", dot.name());
    assertEquals(List.of("a \"b\" \\ c\nd {not special here}"), dot.nodes().get("n").fields());
    assertEquals("x\"y", dot.edges().get(0).label());
  }

  @Test
  void numbersAreShortAndLocaleIndependent() {
    assertEquals("1", Dot.number(1.0));
    assertEquals("-2", Dot.number(-2.0));
    assertEquals("0", Dot.number(-0.0));
    assertEquals("0.5", Dot.number(0.5));
    assertEquals("24.7041", Dot.number(24.704081632653061));
    assertEquals("-0.65885", Dot.number(-0.6588504666086481));
    assertEquals("1.5e-07", Dot.number(1.5e-7));
    assertEquals("1e+20", Dot.number(1e20));
    assertEquals("NaN", Dot.number(Double.NaN));
    assertEquals("-Infinity", Dot.number(Double.NEGATIVE_INFINITY));
  }
}
