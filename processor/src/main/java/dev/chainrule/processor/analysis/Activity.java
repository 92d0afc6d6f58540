package dev.chainrule.processor.analysis;

import dev.chainrule.processor.ad.rules.DerivativeRules;
import dev.chainrule.processor.ir.ArrayVersions;
import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.Node;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Activity analysis: which values need a derivative. A value is <em>varied</em> when it depends
 * differentiably on a double parameter, and <em>useful</em> when the result depends on it; it is
 * <em>active</em> when both. Usefulness is for derivatives: it does not flow back through
 * piecewise-constant steps such as {@code Math.floor}. Only active values get adjoints and
 * tangents: constants cost nothing, and dead code (say {@code Math.acos(2)}, whose derivative is
 * NaN) cannot leak into a gradient.
 */
public final class Activity {
  private final Set<Value> varied = new HashSet<>();
  private final Set<Value> useful = new HashSet<>();

  /** Varied values with each version of a local array on its own: by what was written up to it. */
  private final Set<Value> variedAsWritten = new HashSet<>();

  private Activity() {}

  public static Activity of(Trace trace) {
    Activity activity = new Activity();
    ArrayVersions versions = ArrayVersions.of(trace);
    List<Value> arrays =
        trace.definedValues().stream().filter(v -> v.type() == Type.DOUBLE_ARRAY).toList();
    int before;
    do {
      before = activity.variedAsWritten.size();
      findVaried(trace, activity.variedAsWritten);
    } while (activity.variedAsWritten.size() != before);
    do {
      before = activity.varied.size();
      findVaried(trace, activity.varied);
      unify(activity.varied, arrays, versions);
    } while (activity.varied.size() != before);
    do {
      before = activity.useful.size();
      activity.findUseful(trace);
      unify(activity.useful, arrays, versions);
    } while (activity.useful.size() != before);
    return activity;
  }

  /**
   * The versions of a local array are one array in memory: if one of them varies, or is useful,
   * they all are. (A new array of zeros varies once a varied value is written into it, and backward
   * must clear its adjoint where it was made.)
   */
  private static void unify(Set<Value> values, List<Value> arrays, ArrayVersions versions) {
    Set<Value> roots = new HashSet<>();
    arrays.stream().filter(values::contains).forEach(v -> roots.add(versions.root(v)));
    arrays.stream().filter(v -> roots.contains(versions.root(v))).forEach(values::add);
  }

  private static void findVaried(Trace trace, Set<Value> varied) {
    varied.addAll(trace.differentiatedParams());
    findVaried(trace.body(), varied);
  }

  private static void findVaried(List<Node> nodes, Set<Value> varied) {
    for (Node node : nodes) {
      if (node instanceof Step step) {
        if (step.result().type().carriesDerivatives()
            && !DerivativeRules.isPiecewiseConstant(step.primitive())
            && step.args().stream().anyMatch(varied::contains)) {
          varied.add(step.result());
        }
      } else if (node instanceof Branch branch) {
        findVaried(branch.then(), varied);
        findVaried(branch.otherwise(), varied);
        for (Branch.Phi phi : branch.phis()) {
          if (varied.contains(phi.fromThen()) || varied.contains(phi.fromElse())) {
            varied.add(phi.result());
          }
        }
      } else {
        findVaried((Loop) node, varied);
      }
    }
  }

  /** A header varies if it starts varied or a pass makes it so: passes until nothing changes. */
  private static void findVaried(Loop loop, Set<Value> varied) {
    int before;
    do {
      before = varied.size();
      for (Loop.Carried carried : loop.carried()) {
        if (carried.header().type().carriesDerivatives()
            && (varied.contains(carried.initial()) || varied.contains(carried.next()))) {
          varied.add(carried.header());
          varied.add(carried.exit());
        }
      }
      findVaried(loop.body(), varied);
    } while (varied.size() != before);
  }

  private void findUseful(Trace trace) {
    if (trace.result() instanceof Value result) {
      useful.add(result);
    }
    findUseful(trace.body());
  }

  private void findUseful(List<Node> nodes) {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (nodes.get(i) instanceof Step step) {
        // Nothing flows back through a piecewise-constant step: its arguments stay useless.
        if (useful.contains(step.result())
            && !DerivativeRules.isPiecewiseConstant(step.primitive())) {
          step.args().forEach(this::markUseful);
        }
      } else if (nodes.get(i) instanceof Branch branch) {
        for (Branch.Phi phi : branch.phis()) {
          if (useful.contains(phi.result())) {
            markUseful(phi.fromThen());
            markUseful(phi.fromElse());
          }
        }
        findUseful(branch.then());
        findUseful(branch.otherwise());
      } else {
        findUseful((Loop) nodes.get(i));
      }
    }
  }

  /**
   * A header is useful if its exit is, or a pass uses it; then the value a pass ends with and the
   * value it starts from are useful too. Passes until nothing changes.
   */
  private void findUseful(Loop loop) {
    int before;
    do {
      before = useful.size();
      for (Loop.Carried carried : loop.carried()) {
        if (useful.contains(carried.exit()) || useful.contains(carried.header())) {
          useful.add(carried.header());
          markUseful(carried.next());
          markUseful(carried.initial());
        }
      }
      findUseful(loop.body());
    } while (useful.size() != before);
  }

  private void markUseful(Operand operand) {
    if (operand instanceof Value value) {
      useful.add(value);
    }
  }

  /**
   * Whether the operand depends differentiably on a parameter the method is differentiated by, as
   * computed where it is: a version of a local array by the values written into it so far (for
   * activity, every version of the array varies if one does).
   */
  public boolean isVariedAsWritten(Operand operand) {
    return operand instanceof Value value && variedAsWritten.contains(value);
  }

  public boolean isActive(Operand operand) {
    return operand instanceof Value value && varied.contains(value) && useful.contains(value);
  }

  /** Whether the step's result depends on parameters and reaches the result. */
  public boolean isActive(Step step) {
    return isActive(step.result());
  }
}
