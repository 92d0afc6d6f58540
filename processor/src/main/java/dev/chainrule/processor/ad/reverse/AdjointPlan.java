package dev.chainrule.processor.ad.reverse;

import dev.chainrule.processor.ad.rules.DerivativeRules;
import dev.chainrule.processor.ad.rules.Partial;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Node;
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
 * adjoint update, branches replayed the way forward took them, and the values those updates read,
 * which forward must therefore keep (the tape).
 *
 * @param seed the result, whose adjoint starts at 1, if it depends on any parameter
 * @param parts what backward runs, last statement first
 * @param gradients the parameters that receive a gradient, in declaration order
 * @param tape the values backward reads, in the order forward defines them
 */
public record AdjointPlan(
    Optional<Value> seed, List<Part> parts, List<Value> gradients, List<Value> tape) {

  /** A piece of backward: the steps of one source statement, or a branch. */
  public sealed interface Part permits Block, BranchAdjoint {}

  /** The steps of one source statement, last first, with the updates that differentiate each. */
  public record Block(SourceLine line, List<StepAdjoint> steps) implements Part {}

  /** The updates of one step's arguments, in argument order. */
  public record StepAdjoint(Step step, List<Update> updates) {}

  /**
   * A branch in reverse: the arm forward took, each starting with its phis' updates.
   *
   * @param hoisted adjoints of values from outside the branch that are first updated inside it:
   *     declared, at zero, before it, so both arms and the code after can add to them
   */
  public record BranchAdjoint(
      Branch branch,
      List<Value> hoisted,
      List<Update> thenPhis,
      List<Part> then,
      List<Update> elsePhis,
      List<Part> otherwise)
      implements Part {}

  /**
   * {@code d_target += d_from * partial}; the first update of a target declares its adjoint instead
   * of adding to it, so no adjoint is initialised to zero. For an element of an array parameter,
   * {@code element} is the index, and the update adds straight into the accumulated gradient:
   * parameter arrays are never written, so no adjoint array is needed.
   */
  public record Update(
      Value target, Value from, Partial partial, boolean declares, Optional<Operand> element) {
    Update(Value target, Value from, Partial partial, boolean declares) {
      this(target, from, partial, declares, Optional.empty());
    }
  }

  public static AdjointPlan of(Trace trace, Activity activity) {
    Planner planner = new Planner(activity);
    Set<Value> declared = new HashSet<>();
    Optional<Value> seed = Optional.empty();
    if (activity.isActive(trace.result())) {
      seed = Optional.of((Value) trace.result());
      declared.add(seed.get());
    }
    List<Part> parts = planner.plan(trace.body(), declared);
    List<Value> gradients =
        trace.params().stream().filter(p -> declared.contains(p) && !p.type().isArray()).toList();
    return new AdjointPlan(seed, parts, gradients, inDefinitionOrder(trace, planner.read));
  }

  private static final class Planner {
    private final Activity activity;
    private final Set<Value> read = new HashSet<>();

    Planner(Activity activity) {
      this.activity = activity;
    }

    /** Plans {@code nodes} in reverse; {@code declared} holds the adjoints in scope, and grows. */
    List<Part> plan(List<Node> nodes, Set<Value> declared) {
      List<Part> parts = new ArrayList<>();
      for (int i = nodes.size() - 1; i >= 0; i--) {
        if (nodes.get(i) instanceof Step step) {
          if (declared.contains(step.result())) { // else inactive, or its adjoint is zero
            append(parts, step(step, declared));
          }
        } else {
          Branch branch = (Branch) nodes.get(i);
          if (branch.phis().stream().anyMatch(phi -> declared.contains(phi.result()))) {
            parts.add(branch(branch, declared));
          }
        }
      }
      return parts;
    }

    private StepAdjoint step(Step step, Set<Value> declared) {
      List<Partial> partials = DerivativeRules.partials(step);
      List<Update> updates = new ArrayList<>();
      for (int a = 0; a < step.args().size(); a++) {
        Operand arg = step.args().get(a);
        Partial partial = partials.get(a);
        if (activity.isActive(arg) && !partial.isZero() && ((Value) arg).type().isArray()) {
          Operand index = step.args().get(1);
          read(index);
          updates.add(new Update((Value) arg, step.result(), partial, false, Optional.of(index)));
        } else if (activity.isActive(arg) && !partial.isZero()) {
          Value target = (Value) arg;
          updates.add(new Update(target, step.result(), partial, declared.add(target)));
          partial.times().ifPresent(f -> f.operands().forEach(this::read));
          partial.dividedBy().ifPresent(f -> f.operands().forEach(this::read));
        }
      }
      return new StepAdjoint(step, List.copyOf(updates));
    }

    private BranchAdjoint branch(Branch branch, Set<Value> declared) {
      // A first pass finds the outside values the arms update: their adjoints must be declared
      // before the branch, or each arm would declare its own, out of scope after it.
      Set<Value> inside = new HashSet<>(Trace.definedIn(branch));
      Set<Value> hoisted = new LinkedHashSet<>();
      for (boolean then : new boolean[] {true, false}) {
        Set<Value> scope = new HashSet<>(declared);
        List<Update> phis = phis(branch, then, scope);
        List<Part> arm = plan(then ? branch.then() : branch.otherwise(), scope);
        targets(phis, arm).stream()
            .filter(v -> !inside.contains(v) && !declared.contains(v) && !v.type().isArray())
            .forEach(hoisted::add);
      }
      declared.addAll(hoisted);
      read.add(branch.taken());
      Set<Value> thenScope = new HashSet<>(declared);
      List<Update> thenPhis = phis(branch, true, thenScope);
      List<Part> then = plan(branch.then(), thenScope);
      Set<Value> elseScope = new HashSet<>(declared);
      List<Update> elsePhis = phis(branch, false, elseScope);
      List<Part> otherwise = plan(branch.otherwise(), elseScope);
      return new BranchAdjoint(branch, List.copyOf(hoisted), thenPhis, then, elsePhis, otherwise);
    }

    /** In an arm, each phi passes its adjoint to the value that arm gave it. */
    private List<Update> phis(Branch branch, boolean then, Set<Value> declared) {
      List<Update> updates = new ArrayList<>();
      for (Branch.Phi phi : branch.phis()) {
        Operand from = then ? phi.fromThen() : phi.fromElse();
        if (declared.contains(phi.result()) && activity.isActive(from)) {
          Value target = (Value) from;
          updates.add(new Update(target, phi.result(), Partial.one(), declared.add(target)));
        }
      }
      return updates;
    }

    private void read(Operand operand) {
      if (operand instanceof Value value) {
        read.add(value);
      }
    }
  }

  /** Every value updated by {@code updates} and {@code parts}, nested branches included. */
  private static Set<Value> targets(List<Update> updates, List<Part> parts) {
    Set<Value> targets = new LinkedHashSet<>();
    updates.forEach(u -> targets.add(u.target()));
    for (Part part : parts) {
      if (part instanceof Block block) {
        block.steps().forEach(s -> s.updates().forEach(u -> targets.add(u.target())));
      } else {
        BranchAdjoint branch = (BranchAdjoint) part;
        targets.addAll(branch.hoisted());
        targets.addAll(targets(branch.thenPhis(), branch.then()));
        targets.addAll(targets(branch.elsePhis(), branch.otherwise()));
      }
    }
    return targets;
  }

  /** Adds a step's updates to the block of its statement, opening a block for a new statement. */
  private static void append(List<Part> parts, StepAdjoint adjoint) {
    if (adjoint.updates().isEmpty()) {
      return;
    }
    SourceLine line = adjoint.step().line();
    if (!parts.isEmpty()
        && parts.get(parts.size() - 1) instanceof Block last
        && last.line().equals(line)) {
      List<StepAdjoint> merged = new ArrayList<>(last.steps());
      merged.add(adjoint);
      parts.set(parts.size() - 1, new Block(line, List.copyOf(merged)));
    } else {
      parts.add(new Block(line, List.of(adjoint)));
    }
  }

  private static List<Value> inDefinitionOrder(Trace trace, Set<Value> values) {
    Set<Value> ordered = new LinkedHashSet<>();
    trace.params().stream().filter(values::contains).forEach(ordered::add);
    trace.definedValues().stream().filter(values::contains).forEach(ordered::add);
    return List.copyOf(ordered);
  }
}
