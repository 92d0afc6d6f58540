package dev.chainrule.processor.ad.reverse;

import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How backward gets a value of a loop pass again without the tape: by running its step again; for a
 * loop counter, from the number of the pass it is replaying; for an inner loop's number of passes,
 * from the bounds in its condition.
 */
public sealed interface Recomputed {
  /** The value recomputed. */
  Value value();

  /** The values it is computed from, which backward must have first. */
  List<Value> inputs();

  /**
   * The step again, with the operands it had in forward: {@code x[i + 1] - x[i] * x[i]} is cheaper
   * to compute twice than to push and pop, once {@code i} is known.
   */
  record Again(Step step) implements Recomputed {
    @Override
    public Value value() {
      return step.result();
    }

    @Override
    public List<Value> inputs() {
      return values(step.args().stream());
    }
  }

  /**
   * A header that starts at {@code initial} and changes by {@code stride} every pass ({@code i++},
   * {@code k -= 2}): on pass p it holds {@code initial ± (p − 1) · stride}. Integer arithmetic
   * wraps the same way whether it adds p − 1 times or multiplies once, so the value is exact.
   */
  record Counted(Loop loop, Value header, Operand initial, Operand stride, boolean down)
      implements Recomputed {
    @Override
    public Value value() {
      return header;
    }

    @Override
    public List<Value> inputs() {
      return values(Stream.of(initial, stride));
    }
  }

  /**
   * How many passes a loop makes whose condition compares a counter that steps by one with a bound
   * fixed for the loop ({@code k < n}, {@code i >= 0}, {@code j < xs.length}): {@code max(0, bound
   * − initial)} going up, {@code max(0, initial − bound)} going down, one more where the bound is
   * included. {@code bound} is the condition's side as written, its variables read as {@code
   * loop.reads()} says.
   */
  record Passes(Loop loop, Operand initial, Expr bound, boolean down, boolean inclusive)
      implements Recomputed {
    @Override
    public Value value() {
      return loop.iterations();
    }

    @Override
    public List<Value> inputs() {
      List<Operand> operands = new ArrayList<>(List.of(initial));
      reads(bound, operands); // literals and constants are not values: values() drops them
      return values(operands.stream());
    }

    private void reads(Expr expr, List<Operand> operands) {
      if (expr instanceof Expr.Read read) {
        operands.add(loop.reads().get(read.variable()));
      } else if (expr instanceof Expr.Apply apply) {
        apply.args().forEach(arg -> reads(arg, operands));
      }
    }
  }

  private static List<Value> values(Stream<Operand> operands) {
    return operands.filter(Value.class::isInstance).map(Value.class::cast).toList();
  }
}
