package dev.chainrule.processor.ir;

import java.util.HashMap;
import java.util.Map;

/**
 * The versions of each local array: single-assignment form gives every write, phi, loop header and
 * exit of an array a value of its own, but they are all one array in memory, made where it is
 * declared. Generated code names them, and derivatives treat them, as that one array.
 */
public final class ArrayVersions {
  private final Map<Value, Value> previous = new HashMap<>();

  private ArrayVersions() {}

  public static ArrayVersions of(Trace trace) {
    ArrayVersions versions = new ArrayVersions();
    for (Step step : trace.steps()) {
      if (step.primitive() == Primitive.STORE) {
        versions.previous.put(step.result(), (Value) step.args().get(0));
      }
    }
    for (Branch branch : trace.branches()) {
      for (Branch.Phi phi : branch.phis()) {
        if (phi.result().type().isArray()) {
          versions.previous.put(phi.result(), (Value) phi.fromThen());
        }
      }
    }
    for (Loop loop : trace.loops()) {
      for (Loop.Carried carried : loop.carried()) {
        if (carried.header().type().isArray()) {
          versions.previous.put(carried.header(), (Value) carried.initial());
          versions.previous.put(carried.exit(), carried.header());
        }
      }
    }
    return versions;
  }

  /** The array as made: the value of its creation, which every later version shares. */
  public Value root(Value value) {
    Value root = value;
    for (Value before = previous.get(root); before != null; before = previous.get(root)) {
      root = before;
    }
    return root;
  }

  /** Whether the value is a later version of an array: a write, phi, header or exit of one. */
  public boolean isLaterVersion(Value value) {
    return previous.containsKey(value);
  }
}
