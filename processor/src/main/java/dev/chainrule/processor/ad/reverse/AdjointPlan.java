package dev.chainrule.processor.ad.reverse;

import dev.chainrule.processor.GeneratedNames;
import dev.chainrule.processor.ad.rules.DerivativeRules;
import dev.chainrule.processor.ad.rules.Partial;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Node;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.SourceLine;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What backward does, planned before it is written: the active steps in reverse, each argument's
 * adjoint update, branches replayed the way forward took them, and the values those updates read,
 * which forward must therefore keep.
 *
 * @param seed the result, whose adjoint starts at 1, if it depends on any parameter
 * @param parts what backward runs, last statement first
 * @param gradients the parameters that receive a gradient, in declaration order
 * @param recording where forward keeps the values backward reads: fields, or the tape in loops
 */
public record AdjointPlan(
    Optional<Value> seed, List<Part> parts, List<Value> gradients, Recording recording) {

  /** A piece of backward: the steps of one source statement, a branch, or a loop. */
  public sealed interface Part permits Block, BranchAdjoint, LoopAdjoint {}

  /** The steps of one source statement, last first, with the updates that differentiate each. */
  public record Block(SourceLine line, List<StepAdjoint> steps) implements Part {}

  /**
   * The updates of one step's arguments, in argument order. For a call inside a loop, {@code
   * replays}: the callee's workspace recorded only the last pass, so backward calls its forward
   * again, with this pass's arguments, before its backward.
   *
   * <p>{@code snapshots} are the call's arguments that are local arrays forward copies when it
   * passes them, because it writes them afterwards and the callee's backward may read them again:
   * onto the tape for a call that replays, else into a buffer the callee keeps reading.
   */
  public record StepAdjoint(
      Step step,
      List<Update> updates,
      boolean replays,
      Optional<Clear> clear,
      List<ArrayPass> arrays,
      List<Integer> snapshots) {
    StepAdjoint(Step step, List<Update> updates, boolean replays) {
      this(step, updates, replays, Optional.empty(), List.of(), List.of());
    }

    StepAdjoint(Step step, List<Update> updates, Optional<Clear> clear) {
      this(step, updates, false, clear, List.of(), List.of());
    }
  }

  /**
   * An array passed whole to a call: every element's adjoint takes the call's adjoint times the
   * callee's gradient for that element, {@code accessor} of the callee's workspace.
   */
  public record ArrayPass(Value array, String accessor) {}

  /**
   * After the updates of a write into a local array, or of its creation: the adjoint of the element
   * written, or of the first {@code length} elements, restarts at zero. What was there before the
   * write did not reach the result through that element; and the buffer of adjoints is clean for
   * the array's next use.
   */
  public record Clear(Value array, Optional<Operand> element, Optional<Operand> length) {}

  /**
   * A loop in reverse: its passes replayed last first, as many as forward made.
   *
   * @param hoisted adjoints of values from outside the loop that the body updates, declared at zero
   *     before it
   * @param headers adjoints of headers that nothing after the loop has declared, declared at zero
   *     before it; a header's adjoint is also its exit's
   * @param passStart at the start of each pass, each header's adjoint goes to the value the pass
   *     ended with ({@code d_next = d_header}), and then the header's adjoint restarts at zero
   * @param restarted the headers whose adjoints restart at zero on each pass
   * @param toInitial after the last pass, each header's adjoint goes to the value it started from
   */
  public record LoopAdjoint(
      Loop loop,
      List<Value> hoisted,
      List<Value> headers,
      List<Update> passStart,
      List<Value> restarted,
      List<Part> body,
      List<Update> toInitial)
      implements Part {}

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
   * of adding to it, so no adjoint is initialised to zero. For an element of an array, {@code
   * element} is the index, and the update adds into the array's adjoint: for a parameter straight
   * into its accumulated gradient, since parameter arrays are never written. For a value written
   * into a local array, {@code fromElement} is the index its adjoint comes from.
   */
  public record Update(
      Value target,
      Value from,
      Partial partial,
      boolean declares,
      Optional<Operand> element,
      Optional<Operand> fromElement) {
    Update(Value target, Value from, Partial partial, boolean declares) {
      this(target, from, partial, declares, Optional.empty(), Optional.empty());
    }

    Update(Value target, Value from, Partial partial, boolean declares, Optional<Operand> element) {
      this(target, from, partial, declares, element, Optional.empty());
    }
  }

  /** Whether forward records anything on the tape: values in loops, or arrays passed in them. */
  public boolean usesTape() {
    return recording.usesTape()
        || callsWithSnapshots().values().stream().anyMatch(StepAdjoint::replays);
  }

  /**
   * The calls that pass local arrays forward copies, with their adjoints: {@link
   * StepAdjoint#snapshots()} says which arguments, {@link StepAdjoint#replays()} whether the copies
   * go on the tape (a call in a loop) or into buffers passed in their place.
   */
  public Map<Step, StepAdjoint> callsWithSnapshots() {
    Map<Step, StepAdjoint> snapshots = new LinkedHashMap<>();
    collectSnapshots(parts, snapshots);
    return snapshots;
  }

  private static void collectSnapshots(List<Part> parts, Map<Step, StepAdjoint> snapshots) {
    for (Part part : parts) {
      if (part instanceof Block block) {
        block.steps().stream()
            .filter(s -> !s.snapshots().isEmpty())
            .forEach(s -> snapshots.put(s.step(), s));
      } else if (part instanceof BranchAdjoint branch) {
        collectSnapshots(branch.then(), snapshots);
        collectSnapshots(branch.otherwise(), snapshots);
      } else {
        collectSnapshots(((LoopAdjoint) part).body(), snapshots);
      }
    }
  }

  public static AdjointPlan of(Trace trace, Activity activity) {
    Planner planner = new Planner(activity, trace.params(), writtenLater(trace));
    Set<Value> declared = new HashSet<>();
    Optional<Value> seed = Optional.empty();
    if (activity.isActive(trace.result())) {
      seed = Optional.of((Value) trace.result());
      declared.add(seed.get());
    }
    List<Part> parts = planner.plan(trace.body(), declared, false);
    List<Value> gradients =
        trace.params().stream().filter(p -> declared.contains(p) && !p.type().isArray()).toList();
    return new AdjointPlan(seed, parts, gradients, Recording.of(trace, planner.read));
  }

  /**
   * The versions of local arrays that are written again: a store takes them, or they flow on
   * through a branch or a loop, where a store may. A version not among them is never written after
   * it is made.
   */
  private static Set<Value> writtenLater(Trace trace) {
    Set<Operand> continued = new HashSet<>();
    trace.steps().stream()
        .filter(step -> step.primitive() == Primitive.STORE)
        .forEach(step -> continued.add(step.args().get(0)));
    for (Branch branch : trace.branches()) {
      branch.phis().forEach(phi -> continued.addAll(List.of(phi.fromThen(), phi.fromElse())));
    }
    for (Loop loop : trace.loops()) {
      loop.carried().forEach(carried -> continued.add(carried.initial()));
    }
    Set<Value> arrays = new HashSet<>();
    continued.stream()
        .filter(operand -> operand instanceof Value value && value.type().isArray())
        .forEach(operand -> arrays.add((Value) operand));
    return arrays;
  }

  private static final class Planner {
    private final Activity activity;
    private final Set<Value> parameters;
    private final Set<Value> writtenLater;
    private final Set<Value> read = new HashSet<>();

    Planner(Activity activity, List<Value> parameters, Set<Value> writtenLater) {
      this.activity = activity;
      this.parameters = Set.copyOf(parameters);
      this.writtenLater = writtenLater;
    }

    /**
     * Plans {@code nodes} in reverse; {@code declared} holds the adjoints in scope, and grows.
     * {@code inLoop} says the nodes run once per pass of some loop.
     */
    List<Part> plan(List<Node> nodes, Set<Value> declared, boolean inLoop) {
      List<Part> parts = new ArrayList<>();
      for (int i = nodes.size() - 1; i >= 0; i--) {
        Node node = nodes.get(i);
        if (node instanceof Step step) {
          if (hasAdjoint(step.result(), declared)) { // else inactive, or its adjoint is zero
            append(parts, step(step, declared, inLoop));
          }
        } else if (node instanceof Branch branch) {
          if (branch.phis().stream().anyMatch(phi -> hasAdjoint(phi.result(), declared))) {
            parts.add(branch(branch, declared, inLoop));
          }
        } else {
          Loop loop = (Loop) node;
          if (loop.carried().stream().anyMatch(c -> hasAdjoint(c.exit(), declared))) {
            parts.add(loop(loop, declared));
          }
        }
      }
      return parts;
    }

    /**
     * A scalar has an adjoint once something after it updated one; an active local array always has
     * one, its buffer, which every version shares.
     */
    private boolean hasAdjoint(Value value, Set<Value> declared) {
      return declared.contains(value) || (value.type().isArray() && activity.isActive(value));
    }

    /**
     * A local array made or written: each value that went into it takes the adjoint of its element,
     * which then restarts at zero.
     */
    private StepAdjoint arrayStep(Step step, Set<Value> declared) {
      List<Update> updates = new ArrayList<>();
      Value array = step.result();
      Optional<Clear> clear;
      if (step.primitive() == Primitive.STORE) {
        Operand index = step.args().get(1);
        read(index);
        Operand value = step.args().get(2);
        if (activity.isActive(value)) {
          updates.add(fromElement((Value) value, array, index, declared));
        }
        clear = Optional.of(new Clear(array, Optional.of(index), Optional.empty()));
      } else if (step.primitive() == Primitive.ARRAY_OF) {
        for (int k = 0; k < step.args().size(); k++) {
          if (activity.isActive(step.args().get(k))) {
            Literal index = new Literal(k, Integer.toString(k), Type.INT);
            updates.add(fromElement((Value) step.args().get(k), array, index, declared));
          }
        }
        Literal length = new Literal(step.args().size(), "" + step.args().size(), Type.INT);
        clear = Optional.of(new Clear(array, Optional.empty(), Optional.of(length)));
      } else {
        Operand length = step.args().get(0);
        read(length);
        clear = Optional.of(new Clear(array, Optional.empty(), Optional.of(length)));
      }
      return new StepAdjoint(step, List.copyOf(updates), clear);
    }

    /** {@code d_v = d_h[index]}: a value put into an array takes its element's adjoint. */
    private static Update fromElement(
        Value target, Value array, Operand index, Set<Value> declared) {
      return new Update(
          target, array, Partial.one(), declared.add(target), Optional.empty(), Optional.of(index));
    }

    private StepAdjoint step(Step step, Set<Value> declared, boolean inLoop) {
      if (step.primitive().writesArray()) {
        return arrayStep(step, declared);
      }
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
      if (step.primitive() != Primitive.CALL_METHOD) {
        return new StepAdjoint(step, List.copyOf(updates), false);
      }
      // A call inside a loop runs its callee's forward again in backward, with this pass's
      // arguments: scalars are read from the tape, and so are local arrays, copied whole when
      // passed, since later passes write them. Parameter arrays are never written. A call outside
      // loops is not run again, but its callee's backward may read its arrays again: a local
      // array written after the call is passed as a copy.
      boolean replays = inLoop;
      List<Integer> snapshots = new ArrayList<>();
      for (int a = 0; a < step.args().size(); a++) {
        Operand arg = step.args().get(a);
        boolean localArray =
            arg instanceof Value value && value.type().isArray() && !parameters.contains(value);
        if (localArray && (replays || writtenLater.contains(arg))) {
          snapshots.add(a);
        } else if (replays) {
          read(arg);
        }
      }
      MethodRef callee = (MethodRef) step.callee();
      List<ArrayPass> arrays = new ArrayList<>();
      for (int a = 0; a < step.args().size(); a++) {
        Operand arg = step.args().get(a);
        MethodRef.Param param = callee.params().get(a);
        if (param.type() == Type.DOUBLE_ARRAY && param.differentiated() && activity.isActive(arg)) {
          arrays.add(new ArrayPass((Value) arg, GeneratedNames.gradientAccessor(param.name())));
        }
      }
      return new StepAdjoint(
          step,
          List.copyOf(updates),
          replays,
          Optional.empty(),
          List.copyOf(arrays),
          List.copyOf(snapshots));
    }

    private LoopAdjoint loop(Loop loop, Set<Value> declared) {
      // A carried array needs no bookkeeping: every version shares one buffer of adjoints.
      List<Loop.Carried> active =
          loop.carried().stream()
              .filter(c -> activity.isActive(c.header()) && !c.header().type().isArray())
              .toList();
      List<Value> headers = new ArrayList<>();
      for (Loop.Carried carried : active) {
        if (!declared.contains(carried.exit())) {
          headers.add(carried.header());
        }
        declared.add(carried.exit());
        declared.add(carried.header());
      }
      Set<Value> hoisted = hoisted(loop, declared);
      declared.addAll(hoisted);
      Set<Value> pass = new HashSet<>(declared);
      List<Update> passStart = passStart(active, pass);
      List<Part> body = plan(loop.body(), pass, true);
      List<Update> toInitial = new ArrayList<>();
      for (Loop.Carried carried : active) {
        if (activity.isActive(carried.initial())) {
          Value initial = (Value) carried.initial();
          toInitial.add(
              new Update(initial, carried.header(), Partial.one(), declared.add(initial)));
        }
      }
      read.add(loop.iterations());
      return new LoopAdjoint(
          loop,
          List.copyOf(hoisted),
          List.copyOf(headers),
          passStart,
          active.stream().map(Loop.Carried::header).toList(),
          body,
          List.copyOf(toInitial));
    }

    /** {@code d_next = d_header} for each active header whose pass ends with an active value. */
    private List<Update> passStart(List<Loop.Carried> active, Set<Value> declared) {
      List<Update> updates = new ArrayList<>();
      for (Loop.Carried carried : active) {
        if (activity.isActive(carried.next())) {
          Value next = (Value) carried.next();
          updates.add(new Update(next, carried.header(), Partial.one(), declared.add(next)));
        }
      }
      return List.copyOf(updates);
    }

    private BranchAdjoint branch(Branch branch, Set<Value> declared, boolean inLoop) {
      Set<Value> hoisted = hoisted(branch, declared);
      declared.addAll(hoisted);
      read.add(branch.taken());
      Set<Value> thenScope = new HashSet<>(declared);
      List<Update> thenPhis = phis(branch, true, thenScope);
      List<Part> then = plan(branch.then(), thenScope, inLoop);
      Set<Value> elseScope = new HashSet<>(declared);
      List<Update> elsePhis = phis(branch, false, elseScope);
      List<Part> otherwise = plan(branch.otherwise(), elseScope, inLoop);
      return new BranchAdjoint(branch, List.copyOf(hoisted), thenPhis, then, elsePhis, otherwise);
    }

    /**
     * The values from outside a branch or loop whose adjoints its reverse may update first: they
     * are declared, at zero, before it, or each arm or pass would declare its own, out of scope
     * after it. Read off the IR, not off a trial plan, which would double the work at every level
     * of nesting.
     */
    private Set<Value> hoisted(Node node, Set<Value> declared) {
      Set<Value> inside = new HashSet<>(Trace.definedIn(node));
      Set<Value> updated = new LinkedHashSet<>();
      if (node instanceof Loop loop) {
        // Not its headers' initial values: those take their adjoints after the loop.
        loop.carried().forEach(c -> addIfActive(c.next(), updated));
        mayUpdate(loop.body(), updated);
      } else {
        mayUpdate(List.of(node), updated);
      }
      updated.removeIf(v -> inside.contains(v) || declared.contains(v) || v.type().isArray());
      return updated;
    }

    /**
     * Every scalar value whose adjoint the reverse of {@code nodes} may add to, last node first.
     */
    private void mayUpdate(List<Node> nodes, Set<Value> updated) {
      for (int i = nodes.size() - 1; i >= 0; i--) {
        Node node = nodes.get(i);
        if (node instanceof Step step) {
          List<Partial> partials = DerivativeRules.partials(step);
          for (int a = 0; a < step.args().size(); a++) {
            if (!partials.get(a).isZero()) {
              addIfActive(step.args().get(a), updated);
            }
          }
        } else if (node instanceof Branch branch) {
          branch.phis().forEach(phi -> addIfActive(phi.fromThen(), updated));
          mayUpdate(branch.then(), updated);
          branch.phis().forEach(phi -> addIfActive(phi.fromElse(), updated));
          mayUpdate(branch.otherwise(), updated);
        } else {
          Loop loop = (Loop) node;
          loop.carried().forEach(c -> addIfActive(c.next(), updated));
          mayUpdate(loop.body(), updated);
          loop.carried().forEach(c -> addIfActive(c.initial(), updated));
        }
      }
    }

    private void addIfActive(Operand operand, Set<Value> updated) {
      if (activity.isActive(operand) && !operand.type().isArray()) {
        updated.add((Value) operand);
      }
    }

    /** In an arm, each phi passes its adjoint to the value that arm gave it. */
    private List<Update> phis(Branch branch, boolean then, Set<Value> declared) {
      List<Update> updates = new ArrayList<>();
      for (Branch.Phi phi : branch.phis()) {
        Operand from = then ? phi.fromThen() : phi.fromElse();
        if (declared.contains(phi.result())
            && activity.isActive(from)
            && !phi.result().type().isArray()) {
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

  /** Adds a step's updates to the block of its statement, opening a block for a new statement. */
  private static void append(List<Part> parts, StepAdjoint adjoint) {
    if (adjoint.updates().isEmpty() && adjoint.clear().isEmpty() && adjoint.arrays().isEmpty()) {
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
}
