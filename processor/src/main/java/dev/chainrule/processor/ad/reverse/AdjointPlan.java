package dev.chainrule.processor.ad.reverse;

import dev.chainrule.processor.ad.rules.DerivativeRules;
import dev.chainrule.processor.ad.rules.Formula;
import dev.chainrule.processor.ad.rules.Partial;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.SourceLine;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What backward does, planned before it is written: the active steps in reverse, each argument's
 * adjoint update, and the values those updates read, which forward must therefore keep (the tape).
 *
 * @param seed the result, whose adjoint starts at 1, if it depends on any parameter
 * @param blocks the updates grouped by source statement, last statement first
 * @param gradients the parameters that receive a gradient, in declaration order
 * @param tape the values backward reads, in the order forward defines them
 */
public record AdjointPlan(
    Optional<Value> seed, List<Block> blocks, List<Value> gradients, List<Value> tape) {

  /** The steps of one source statement, last first, with the updates that differentiate each. */
  public record Block(SourceLine line, List<StepAdjoint> steps) {}

  /** The updates of one step's arguments, in argument order. */
  public record StepAdjoint(Step step, List<Update> updates) {}

  /**
   * {@code d_target += d_from * partial}; the first update of a target declares its adjoint instead
   * of adding to it, so no adjoint is initialised to zero.
   */
  public record Update(Value target, Value from, Partial partial, boolean declares) {}

  public static AdjointPlan of(Trace trace, Activity activity) {
    Set<Value> declared = new HashSet<>();
    Optional<Value> seed = Optional.empty();
    if (activity.isActive(trace.result())) {
      seed = Optional.of((Value) trace.result());
      declared.add(seed.get());
    }
    List<Block> blocks = new ArrayList<>();
    Set<Value> read = new HashSet<>();
    List<Step> steps = trace.steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step step = steps.get(i);
      if (!declared.contains(step.result())) {
        continue; // inactive, or its adjoint is zero
      }
      List<Partial> partials = DerivativeRules.partials(step);
      List<Update> updates = new ArrayList<>();
      for (int a = 0; a < step.args().size(); a++) {
        Operand arg = step.args().get(a);
        Partial partial = partials.get(a);
        if (activity.isActive(arg) && !partial.isZero()) {
          Value target = (Value) arg;
          updates.add(new Update(target, step.result(), partial, declared.add(target)));
          partial.times().ifPresent(f -> collectValues(f, read));
          partial.dividedBy().ifPresent(f -> collectValues(f, read));
        }
      }
      appendTo(blocks, new StepAdjoint(step, List.copyOf(updates)));
    }
    List<Value> gradients = trace.params().stream().filter(declared::contains).toList();
    return new AdjointPlan(seed, blocks, gradients, inDefinitionOrder(trace, read));
  }

  private static void appendTo(List<Block> blocks, StepAdjoint adjoint) {
    if (adjoint.updates().isEmpty()) {
      return;
    }
    SourceLine line = adjoint.step().line();
    Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
    if (last != null && last.line().equals(line)) {
      List<StepAdjoint> merged = new ArrayList<>(last.steps());
      merged.add(adjoint);
      blocks.set(blocks.size() - 1, new Block(line, List.copyOf(merged)));
    } else {
      blocks.add(new Block(line, List.of(adjoint)));
    }
  }

  private static List<Value> inDefinitionOrder(Trace trace, Set<Value> values) {
    Set<Value> ordered = new LinkedHashSet<>();
    trace.params().stream().filter(values::contains).forEach(ordered::add);
    trace.steps().stream().map(Step::result).filter(values::contains).forEach(ordered::add);
    return List.copyOf(ordered);
  }

  private static void collectValues(Formula formula, Set<Value> into) {
    formula.operands().filter(Value.class::isInstance).map(Value.class::cast).forEach(into::add);
  }
}
