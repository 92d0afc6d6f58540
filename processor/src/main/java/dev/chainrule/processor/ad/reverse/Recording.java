package dev.chainrule.processor.ad.reverse;

import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.Node;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where forward keeps each value backward reads. A value computed outside every loop is computed
 * once per call, so a field of the workspace holds it. A value computed inside a loop takes a new
 * value on every pass: forward pushes it onto the tape at the end of the body, or of the branch
 * arm, that computes it, and backward pops it at the start of that body or arm replayed in reverse,
 * last pass first. A loop's header is pushed with its body; its exit value and its count of passes
 * with the code around the loop.
 */
public final class Recording {
  /** An arm of a branch inside a loop, whose values are pushed at its end. */
  private record Arm(Branch branch, boolean then) {}

  /**
   * What a loop's body, or an arm inside a loop, keeps for backward: the values forward pushes at
   * its end, in order, and the elements of parameter arrays backward reads again at its start.
   */
  public record Kept(List<Value> pushed, List<Step> reread) {
    static final Kept NOTHING = new Kept(List.of(), List.of());

    public Kept {
      pushed = List.copyOf(pushed);
      reread = List.copyOf(reread);
    }

    public boolean isEmpty() {
      return pushed.isEmpty() && reread.isEmpty();
    }

    /** This, then {@code more}: a loop's headers are filed before its body's values. */
    Kept and(Kept more) {
      List<Value> values = new ArrayList<>(pushed);
      values.addAll(more.pushed);
      List<Step> reads = new ArrayList<>(reread);
      reads.addAll(more.reread);
      return new Kept(values, reads);
    }
  }

  private final List<Value> fields = new ArrayList<>();
  // By identity: the IR's records compare by value, and a loop's hash would walk its whole body.
  private final Map<Loop, Kept> passes = new IdentityHashMap<>();
  private final Map<Branch, Kept> thenArms = new IdentityHashMap<>();
  private final Map<Branch, Kept> elseArms = new IdentityHashMap<>();
  private final Set<Step> rereadable = new LinkedHashSet<>();

  private Recording() {}

  static Recording of(Trace trace, Set<Value> read) {
    Recording recording = new Recording();
    Set<Value> needed = new HashSet<>(read);
    recording.findRereads(trace.body(), false, Set.copyOf(trace.params()), needed);
    recording.scope(trace.body(), null, needed);
    // Fields in the order the values are defined, parameters first.
    Set<Value> kept = new HashSet<>(recording.fields);
    recording.fields.clear();
    trace.params().stream().filter(needed::contains).forEach(recording.fields::add);
    trace.definedValues().stream().filter(kept::contains).forEach(recording.fields::add);
    return recording;
  }

  /**
   * Files the values defined directly in {@code nodes} under {@code home}: a loop, an arm inside a
   * loop, or null for a field.
   */
  private void scope(List<Node> nodes, Object home, Set<Value> read) {
    Set<Value> values = new LinkedHashSet<>();
    for (Node node : nodes) {
      if (node instanceof Step step) {
        values.add(step.result());
      } else if (node instanceof Branch branch) {
        values.add(branch.taken());
        branch.phis().forEach(phi -> values.add(phi.result()));
        scope(branch.then(), home == null ? null : new Arm(branch, true), read);
        scope(branch.otherwise(), home == null ? null : new Arm(branch, false), read);
      } else {
        Loop loop = (Loop) node;
        values.add(loop.iterations());
        loop.carried().forEach(carried -> values.add(carried.exit()));
        Set<Value> body = new LinkedHashSet<>();
        loop.carried().forEach(carried -> body.add(carried.header()));
        file(loop, body, read);
        scope(loop.body(), loop, read);
      }
    }
    file(home, values, read);
  }

  /**
   * An element of a parameter array read inside a loop is read again in backward rather than taped:
   * parameter arrays are never written, and the caller must not change them between forward and
   * backward. Backward then needs the index and the array instead.
   */
  private void findRereads(
      List<Node> nodes, boolean inLoop, Set<Value> parameters, Set<Value> needed) {
    for (Node node : nodes) {
      if (node instanceof Step step) {
        if (inLoop
            && step.primitive() == Primitive.ELEMENT
            && parameters.contains(step.args().get(0))
            && needed.contains(step.result())) {
          rereadable.add(step);
          step.args().stream()
              .filter(Value.class::isInstance)
              .map(Value.class::cast)
              .forEach(needed::add);
        }
      } else {
        boolean inner = inLoop || node instanceof Loop;
        Trace.children(node).forEach(child -> findRereads(child, inner, parameters, needed));
      }
    }
  }

  private void file(Object home, Set<Value> values, Set<Value> read) {
    if (home == null) {
      values.stream().filter(read::contains).forEach(fields::add);
      return;
    }
    List<Step> again = rereadable.stream().filter(s -> values.contains(s.result())).toList();
    again.forEach(s -> values.remove(s.result()));
    Kept kept = new Kept(values.stream().filter(read::contains).toList(), again);
    if (home instanceof Arm arm) {
      (arm.then() ? thenArms : elseArms).merge(arm.branch(), kept, Kept::and);
    } else {
      passes.merge((Loop) home, kept, Kept::and);
    }
  }

  /** The values forward keeps in fields, parameters first, then in the order they are defined. */
  public List<Value> fields() {
    return List.copyOf(fields);
  }

  /** What each pass of {@code loop}'s body keeps. */
  public Kept keptBy(Loop loop) {
    return passes.getOrDefault(loop, Kept.NOTHING);
  }

  /** What an arm of a branch inside a loop keeps. */
  public Kept keptBy(Branch branch, boolean then) {
    return (then ? thenArms : elseArms).getOrDefault(branch, Kept.NOTHING);
  }

  /** Whether forward pushes {@code value} somewhere. */
  public boolean isPushed(Value value) {
    return allKept().anyMatch(kept -> kept.pushed().contains(value));
  }

  /** Whether forward pushes anything, so the workspace needs a tape. */
  public boolean usesTape() {
    return allKept().anyMatch(kept -> !kept.pushed().isEmpty());
  }

  private Stream<Kept> allKept() {
    return Stream.of(passes, thenArms, elseArms).flatMap(kept -> kept.values().stream());
  }
}
