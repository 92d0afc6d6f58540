package dev.chainrule.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.graph.ParsedDot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValuePictureTest {

  /** micrograd's video neuron o = tanh(x1·w1 + x2·w2 + b), after backward. */
  private static Value neuron() {
    Value x1 = new Value(2.0).label("x1");
    Value x2 = new Value(0.0).label("x2");
    Value w1 = new Value(-3.0).label("w1");
    Value w2 = new Value(1.0).label("w2");
    Value b = new Value(6.8813735870195432).label("b");
    Value x1w1 = x1.mul(w1).label("x1*w1");
    Value x2w2 = x2.mul(w2).label("x2*w2");
    Value n = x1w1.add(x2w2).label("x1*w1 + x2*w2").add(b).label("n");
    Value o = n.tanh().label("o");
    o.backward();
    return o;
  }

  @Test
  void drawsARecordPerValueAndAnOvalPerOperationAsMicrogradDoes() {
    ParsedDot dot = ParsedDot.parse(neuron().toDot());
    assertEquals("o", dot.name());
    assertEquals(10, dot.records().size(), "5 leaves and 5 computed values");
    assertEquals(
        List.of("*", "*", "+", "+", "tanh"),
        dot.plainNodes().stream().map(node -> node.fields().get(0)).sorted().toList());
    assertEquals(14, dot.edges().size(), "two operands into each binary op, one into tanh, 5 out");

    Map<String, List<String>> byLabel =
        dot.records().stream()
            .collect(Collectors.toMap(node -> node.fields().get(0), ParsedDot.Node::fields));
    assertEquals(List.of("o", "data 0.707107", "grad 1"), byLabel.get("o"));
    assertEquals(List.of("n", "data 0.881374", "grad 0.5"), byLabel.get("n"));
    assertEquals(List.of("x1", "data 2", "grad -1.5"), byLabel.get("x1"));
    assertEquals(List.of("w2", "data 1", "grad 0"), byLabel.get("w2"));
    assertEquals(List.of("x1*w1 + x2*w2", "data -6", "grad 0.5"), byLabel.get("x1*w1 + x2*w2"));
  }

  @Test
  void edgesRunFromOperandsThroughTheOperationToTheResult() {
    ParsedDot dot = ParsedDot.parse(neuron().toDot());
    Map<String, String> idByLabel =
        dot.records().stream()
            .collect(Collectors.toMap(node -> node.fields().get(0), ParsedDot.Node::id));
    String o = idByLabel.get("o");
    String n = idByLabel.get("n");
    assertEquals(List.of("tanh"), dot.nodes().get(o + "_op").fields());
    List<ParsedDot.Edge> intoTanh =
        dot.edges().stream().filter(e -> e.to().equals(o + "_op")).toList();
    assertEquals(List.of(new ParsedDot.Edge(n, o + "_op", null)), intoTanh);
    List<ParsedDot.Edge> out = dot.edges().stream().filter(e -> e.to().equals(o)).toList();
    assertEquals(List.of(new ParsedDot.Edge(o + "_op", o, null)), out);
  }

  @Test
  void idsFollowTopologicalOrderSoTheSameExpressionGivesTheSameText() {
    String first = neuron().toDot();
    assertEquals(first, neuron().toDot());
    ParsedDot dot = ParsedDot.parse(first);
    // parents first, left operand's ancestors before the right's: x1 w1 x1*w1 x2 w2 x2*w2 ...
    assertEquals(
        List.of("x1", "w1", "x1*w1", "x2", "w2", "x2*w2", "x1*w1 + x2*w2", "b", "n", "o"),
        dot.records().stream().map(node -> node.fields().get(0)).toList());
    assertEquals(
        List.of("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"),
        dot.records().stream().map(ParsedDot.Node::id).toList());
  }

  @Test
  void unlabelledValuesAndConstantsShowDataAndGradOnlyAndLabelsAreEscaped() {
    Value x = new Value(1.5).label("x {in|put} \"1\"");
    Value y = x.mul(2).pow(3); // y = (2x)³: dy/d(2x) = 3·(2x)² = 27, dy/dx = 54, dy/d2 = 27x
    y.backward();
    ParsedDot dot = ParsedDot.parse(y.toDot());
    assertEquals("value", dot.name());
    assertEquals(
        List.of(
            List.of("x {in|put} \"1\"", "data 1.5", "grad 54"),
            List.of("data 2", "grad 40.5"),
            List.of("data 3", "grad 27"),
            List.of("data 27", "grad 1")),
        dot.records().stream().map(ParsedDot.Node::fields).toList());
    assertEquals(
        List.of("*", "^3"), dot.plainNodes().stream().map(n -> n.fields().get(0)).toList());
  }

  @Test
  void aValueUsedTwiceHasTwoEdgesIntoItsOperation() {
    Value x = new Value(3);
    ParsedDot dot = ParsedDot.parse(x.mul(x).toDot());
    assertEquals(
        List.of(
            new ParsedDot.Edge("v0", "v1_op", null),
            new ParsedDot.Edge("v0", "v1_op", null),
            new ParsedDot.Edge("v1_op", "v1", null)),
        dot.edges());
  }
}
