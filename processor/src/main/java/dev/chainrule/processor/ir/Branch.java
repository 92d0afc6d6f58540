package dev.chainrule.processor.ir;

import java.util.List;
import java.util.Map;

/**
 * An {@code if}/{@code else} or a {@code ?:}: {@code taken} records which way the condition went,
 * each arm computes its own values, and each phi joins a variable's values from the two arms.
 *
 * @param condition the source condition, with the values its variables hold at the branch; it is
 *     written out whole, so {@code &&} and {@code ||} keep Java's short-circuit evaluation
 */
public record Branch(
    Value taken,
    Expr condition,
    Map<Variable, Operand> reads,
    List<Node> then,
    List<Node> otherwise,
    List<Phi> phis,
    SourceLine line)
    implements Node {
  public Branch {
    reads = Map.copyOf(reads);
    then = List.copyOf(then);
    otherwise = List.copyOf(otherwise);
    phis = List.copyOf(phis);
  }

  /** A value after the branch: {@code fromThen} if the condition held, else {@code fromElse}. */
  public record Phi(Value result, Operand fromThen, Operand fromElse) {}
}
