package dev.chainrule.processor.ir;

import java.util.List;
import java.util.Map;

/**
 * A loop of the method: its body runs while {@code condition} holds, tested before each pass or,
 * for a {@code do}/{@code while}, after it. Breaks, continues and returns inside have been turned
 * into flags the condition and guards test, so control only enters at the top and leaves at the
 * test.
 *
 * <p>Each variable the body assigns is <em>carried</em>: its {@code header} is its value at the
 * start of a pass, taken from {@code initial} on the first and from {@code next}, the value at the
 * end of the body, after that; {@code exit} is its value after the loop. Generated code keeps the
 * header and the exit in one mutable variable.
 *
 * @param reads the values the condition's variables hold where it is tested: headers for carried
 *     variables
 * @param iterations an int value defined by the loop: how many passes the body made
 */
public record Loop(
    List<Carried> carried,
    Expr condition,
    Map<Variable, Operand> reads,
    boolean testFirst,
    List<Node> body,
    Value iterations,
    SourceLine line)
    implements Node {
  public Loop {
    carried = List.copyOf(carried);
    reads = Map.copyOf(reads);
    body = List.copyOf(body);
  }

  /** A variable the body assigns, seen from the loop. */
  public record Carried(Value header, Operand initial, Operand next, Value exit) {}
}
