package dev.chainrule.processor.ir;

import java.util.List;

/**
 * A method lowered to straight-line, single-assignment steps: what forward computes, and what
 * backward walks in reverse.
 *
 * @param params one value per parameter of the method, in declaration order
 * @param result what the method returns
 */
public record Trace(Function function, List<Value> params, List<Step> steps, Operand result) {
  public Trace {
    params = List.copyOf(params);
    steps = List.copyOf(steps);
  }
}
