package dev.chainrule.processor.ad.reverse;

import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Constant;
import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.Node;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which values computed inside loops backward computes again instead of reading them off the tape.
 * A push and a pop cost a store, a load and the tape's bookkeeping each, more than an addition, so
 * a value is computed again when its step is cheap and backward has its operands for free:
 * parameters and values computed outside the loop (in fields, or kept once by an enclosing pass),
 * loop counters (from the pass number) and other values computed again. Elements of parameter
 * arrays are read again even when their index has to be taped: parameter arrays are never written,
 * and the caller must not change them between forward and backward.
 */
final class Recomputation {
  /** Steps cheaper to run again than to tape: no division, no Math function but the trivial. */
  private static final Set<Primitive> CHEAP =
      EnumSet.of(
          Primitive.ADD,
          Primitive.SUBTRACT,
          Primitive.MULTIPLY,
          Primitive.NEGATE,
          Primitive.COPY,
          Primitive.TO_DOUBLE,
          Primitive.LENGTH,
          Primitive.ABS,
          Primitive.MAX,
          Primitive.MIN);

  /** What a loop's bound may compute, besides reading lengths of parameter arrays. */
  private static final Set<Primitive> BOUND_ARITHMETIC =
      EnumSet.of(Primitive.ADD, Primitive.SUBTRACT, Primitive.MULTIPLY);

  private static final Set<Primitive> COMPARISONS =
      EnumSet.of(Primitive.LESS, Primitive.LESS_EQUAL, Primitive.GREATER, Primitive.GREATER_EQUAL);

  private final Map<Value, Recomputed> ways = new HashMap<>();

  /** The values computed again, which steps after them may be computed again from. */
  private final Set<Value> free = new HashSet<>();

  private final Set<Value> parameters;
  private final Map<Value, Step> definitions = new HashMap<>();

  private Recomputation(Trace trace) {
    parameters = Set.copyOf(trace.params());
    trace.steps().forEach(step -> definitions.put(step.result(), step));
  }

  static Recomputation of(Trace trace) {
    Recomputation recomputation = new Recomputation(trace);
    recomputation.walk(trace.body(), null);
    return recomputation;
  }

  /** How backward gets {@code value} without the tape, if it can. */
  Optional<Recomputed> way(Value value) {
    return Optional.ofNullable(ways.get(value));
  }

  /**
   * Walks {@code nodes}; {@code loop} holds the values defined in the innermost loop around them,
   * null outside every loop.
   */
  private void walk(List<Node> nodes, Set<Value> loop) {
    for (Node node : nodes) {
      if (node instanceof Step step) {
        if (loop != null) {
          step(step, loop);
        }
      } else if (node instanceof Branch branch) {
        walk(branch.then(), loop);
        walk(branch.otherwise(), loop);
      } else {
        Loop inner = (Loop) node;
        Set<Value> inside = new HashSet<>(Trace.definedIn(inner));
        for (Loop.Carried carried : inner.carried()) {
          counted(inner, carried, inside)
              .ifPresent(
                  way -> {
                    ways.put(carried.header(), way);
                    free.add(carried.header());
                  });
        }
        if (loop != null) { // a top-level loop's count is a field
          passes(inner, inside).ifPresent(way -> ways.put(inner.iterations(), way));
        }
        walk(inner.body(), inside);
      }
    }
  }

  private void step(Step step, Set<Value> loop) {
    List<Operand> args = step.args();
    if (step.primitive() == Primitive.ELEMENT && parameters.contains(args.get(0))) {
      ways.put(step.result(), new Recomputed.Again(step));
      if (isFree(args.get(1), loop)) {
        free.add(step.result());
      }
    } else if (CHEAP.contains(step.primitive())
        && args.stream().allMatch(arg -> isFree(arg, loop))) {
      ways.put(step.result(), new Recomputed.Again(step));
      free.add(step.result());
    }
  }

  /**
   * Whether backward has {@code operand} at no cost per pass of the innermost loop around the step:
   * computed again, or computed outside that loop, where a field or an enclosing pass keeps it once
   * rather than every inner pass keeping what is computed from it. Of arrays, only parameters
   * qualify: a local array changes as it is written.
   */
  private boolean isFree(Operand operand, Set<Value> loop) {
    return !(operand instanceof Value value)
        || free.contains(value)
        || (!loop.contains(value) && (!value.type().isArray() || parameters.contains(value)));
  }

  /**
   * A loop counter: an int header whose next value is the header plus or minus an operand fixed for
   * the loop, on every pass (the step is in the body, not in a branch of it).
   */
  private Optional<Recomputed> counted(Loop loop, Loop.Carried carried, Set<Value> inside) {
    Value header = carried.header();
    Step update = carried.next() instanceof Value next ? definitions.get(next) : null;
    if (header.type() != Type.INT // long locals are not in the subset
        || update == null
        || !loop.body().contains(update)
        || update.result().type() != header.type()) {
      return Optional.empty();
    }
    List<Operand> args = update.args();
    Operand stride;
    boolean down;
    if (update.primitive() == Primitive.ADD && args.get(0).equals(header)) {
      stride = args.get(1);
      down = false;
    } else if (update.primitive() == Primitive.ADD && args.get(1).equals(header)) {
      stride = args.get(0);
      down = false;
    } else if (update.primitive() == Primitive.SUBTRACT && args.get(0).equals(header)) {
      stride = args.get(1);
      down = true;
    } else {
      return Optional.empty();
    }
    if (stride instanceof Value value && inside.contains(value)) {
      return Optional.empty();
    }
    return Optional.of(
        new Recomputed.Counted(loop, header, constantOf(carried.initial()), stride, down));
  }

  /**
   * The number of passes of a loop tested first, whose whole condition compares an int counter
   * stepping by one ({@link Recomputed.Counted}) with a bound fixed for the loop: literals,
   * constants, variables the loop does not assign, lengths of parameter arrays, and sums,
   * differences and products of those ({@code j < n}, {@code k >= 0}, {@code j < xs.length - 1}).
   */
  private Optional<Recomputed> passes(Loop loop, Set<Value> inside) {
    if (!loop.testFirst()
        || !(loop.condition() instanceof Expr.Apply comparison)
        || !COMPARISONS.contains(comparison.primitive())) {
      return Optional.empty();
    }
    // This loop's counter on the left: i < n, i <= n, i > n, i >= n.
    Primitive relation = comparison.primitive();
    Expr counter = comparison.args().get(0);
    Expr bound = comparison.args().get(1);
    if (counter(loop, counter).isEmpty()) {
      relation = mirrored(relation);
      counter = comparison.args().get(1);
      bound = comparison.args().get(0);
    }
    Optional<Recomputed.Counted> counted = counter(loop, counter);
    if (counted.isEmpty()
        || !(counted.get().stride() instanceof Literal stride)
        || stride.value() != 1
        || bound.type() != Type.INT
        || !fixedFor(loop, bound, inside)) {
      return Optional.empty();
    }
    boolean down = counted.get().down();
    boolean towardsBound =
        down
            ? relation == Primitive.GREATER || relation == Primitive.GREATER_EQUAL
            : relation == Primitive.LESS || relation == Primitive.LESS_EQUAL;
    if (!towardsBound) {
      return Optional.empty();
    }
    boolean inclusive = relation == Primitive.LESS_EQUAL || relation == Primitive.GREATER_EQUAL;
    return Optional.of(
        new Recomputed.Passes(loop, counted.get().initial(), bound, down, inclusive));
  }

  /** The loop's own counter, if {@code side} reads it. */
  private Optional<Recomputed.Counted> counter(Loop loop, Expr side) {
    if (side instanceof Expr.Read read
        && loop.reads().get(read.variable()) instanceof Value value
        && ways.get(value) instanceof Recomputed.Counted counted
        && counted.loop() == loop) {
      return Optional.of(counted);
    }
    return Optional.empty();
  }

  /**
   * Whether backward can evaluate {@code bound} as forward did: nothing in it changes in the loop.
   */
  private boolean fixedFor(Loop loop, Expr bound, Set<Value> inside) {
    if (bound instanceof Literal || bound instanceof Constant) {
      return true;
    }
    if (bound instanceof Expr.Read read) {
      Operand value = loop.reads().get(read.variable());
      return value != null
          && !value.type().isArray()
          && !(value instanceof Value v && inside.contains(v));
    }
    if (bound instanceof Expr.Apply apply) {
      if (apply.primitive() == Primitive.LENGTH) {
        return apply.args().get(0) instanceof Expr.Read read
            && loop.reads().get(read.variable()) instanceof Value array
            && parameters.contains(array);
      }
      return BOUND_ARITHMETIC.contains(apply.primitive())
          && apply.args().stream().allMatch(arg -> fixedFor(loop, arg, inside));
    }
    return false;
  }

  /** {@code a < b} is {@code b > a}. */
  private static Primitive mirrored(Primitive relation) {
    return switch (relation) {
      case LESS -> Primitive.GREATER;
      case LESS_EQUAL -> Primitive.GREATER_EQUAL;
      case GREATER -> Primitive.LESS;
      case GREATER_EQUAL -> Primitive.LESS_EQUAL;
      default -> throw new IllegalArgumentException(relation + " is not a comparison");
    };
  }

  /**
   * {@code int i = 0; for (; i < n; i++)}: the loop starts from the literal, not from {@code i}.
   */
  private Operand constantOf(Operand operand) {
    Step step = operand instanceof Value value ? definitions.get(value) : null;
    if (step != null
        && step.primitive() == Primitive.COPY
        && (step.args().get(0) instanceof Literal || step.args().get(0) instanceof Constant)) {
      return step.args().get(0);
    }
    return operand;
  }
}
