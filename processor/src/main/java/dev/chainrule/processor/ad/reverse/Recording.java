package dev.chainrule.processor.ad.reverse;

import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.Node;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * value on every pass: backward either computes it again ({@link Recomputation}) or forward pushes
 * it onto the tape at the end of the body, or of the branch arm, that computes it, and backward
 * pops it at the start of that body or arm replayed in reverse, last pass first. A loop's header is
 * kept with its body; its exit value and its count of passes with the code around the loop.
 */
public final class Recording {
  /** An arm of a branch inside a loop, whose values are pushed at its end. */
  private record Arm(Branch branch, boolean then) {}

  /**
   * What a loop's body, or an arm inside a loop, keeps for backward: the values forward pushes at
   * its end, in order, and the values backward computes again at its start, in the order forward
   * computed them.
   */
  public record Kept(List<Value> pushed, List<Recomputed> recomputed) {
    static final Kept NOTHING = new Kept(List.of(), List.of());

    public Kept {
      pushed = List.copyOf(pushed);
      recomputed = List.copyOf(recomputed);
    }

    public boolean isEmpty() {
      return pushed.isEmpty() && recomputed.isEmpty();
    }

    /** This, then {@code more}: a loop's headers are filed before its body's values. */
    Kept and(Kept more) {
      List<Value> values = new ArrayList<>(pushed);
      values.addAll(more.pushed);
      List<Recomputed> again = new ArrayList<>(recomputed);
      again.addAll(more.recomputed);
      return new Kept(values, again);
    }
  }

  private final List<Value> fields = new ArrayList<>();
  // By identity: the IR's records compare by value, and a loop's hash would walk its whole body.
  private final Map<Loop, Kept> passes = new IdentityHashMap<>();
  private final Map<Branch, Kept> thenArms = new IdentityHashMap<>();
  private final Map<Branch, Kept> elseArms = new IdentityHashMap<>();
  private final Recomputation recomputation;

  private Recording(Recomputation recomputation) {
    this.recomputation = recomputation;
  }

  static Recording of(Trace trace, Set<Value> read) {
    Recording recording = new Recording(Recomputation.of(trace));
    Set<Value> needed = recording.withInputs(read);
    recording.scope(trace.body(), null, needed);
    // Fields in the order the values are defined, parameters first.
    Set<Value> kept = new HashSet<>(recording.fields);
    recording.fields.clear();
    trace.params().stream().filter(needed::contains).forEach(recording.fields::add);
    trace.definedValues().stream().filter(kept::contains).forEach(recording.fields::add);
    return recording;
  }

  /** The values backward reads, and what it computes those it recomputes from. */
  private Set<Value> withInputs(Set<Value> read) {
    Set<Value> needed = new HashSet<>();
    Deque<Value> pending = new ArrayDeque<>(read);
    while (!pending.isEmpty()) {
      Value value = pending.pop();
      if (needed.add(value)) {
        recomputation.way(value).ifPresent(way -> pending.addAll(way.inputs()));
      }
    }
    return needed;
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

  private void file(Object home, Set<Value> values, Set<Value> read) {
    if (home == null) {
      values.stream().filter(read::contains).forEach(fields::add);
      return;
    }
    List<Value> pushed = new ArrayList<>();
    List<Recomputed> again = new ArrayList<>();
    for (Value value : values) {
      if (read.contains(value)) {
        recomputation.way(value).ifPresentOrElse(again::add, () -> pushed.add(value));
      }
    }
    Kept kept = new Kept(pushed, again);
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
