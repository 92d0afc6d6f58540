package dev.chainrule.processor.emit;

import dev.chainrule.processor.GeneratedNames;
import dev.chainrule.processor.ir.ArrayVersions;
import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Constant;
import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * Java names for everything a generated class declares, derived from the user's names and never
 * clashing with them: the user's parameters keep their names, then every value, gradient, adjoint
 * ({@code d_x}) and tangent ({@code xDot}) takes its suggestion, numbered if it is taken. All names
 * share one scope because fields, parameters and locals meet in the same method bodies. Allocation
 * follows the trace, so the same method always gets the same names.
 */
final class Names {
  private final Set<String> taken = new HashSet<>();
  private final Map<Object, String> allocated = new HashMap<>();

  /**
   * A loop's exit value lives in its header's variable, and every version of a local array in the
   * array made where it is declared: one name, one adjoint, one tangent for all of them.
   */
  private final Map<Value, Value> aliases = new HashMap<>();

  private final Set<Value> parameters = new HashSet<>();

  Names(Trace trace) {
    for (String name : referencedNames(trace)) {
      allocate(name, new Reserved(name));
    }
    for (Value parameter : trace.params()) {
      allocate(parameter.name(), parameter);
    }
    for (Loop loop : trace.loops()) {
      loop.carried().forEach(carried -> aliases.put(carried.exit(), carried.header()));
    }
    ArrayVersions arrays = ArrayVersions.of(trace);
    for (Value value : trace.definedValues()) {
      if (arrays.isLaterVersion(value)) {
        aliases.put(value, arrays.root(value));
      }
    }
    parameters.addAll(trace.params());
    for (Value value : trace.definedValues()) {
      if (!aliases.containsKey(value)) {
        allocate(value.name(), value);
      }
    }
    for (Value parameter : trace.differentiatedParams()) {
      allocate(GeneratedNames.gradientAccessor(parameter.name()), new Gradient(parameter));
    }
  }

  /**
   * The names generated code uses to reach classes: simple names (imported, or the first of a
   * nested name) and the first segment of package names (for a fully qualified one). A user's
   * variable of such a name would shadow the class, so it is renamed instead.
   */
  private static Set<String> referencedNames(Trace trace) {
    Set<String> names = new TreeSet<>();
    names.addAll(List.of("java", "javax", "dev", "Math", "StrictMath"));
    names.addAll(
        List.of(
            "IllegalStateException", "Generated", "ComputationGraph", "Arrays", "Tape", "Edges"));
    for (Step step : trace.steps()) {
      if (step.callee() instanceof MethodRef method) {
        reserveClass(method.packageName(), method.classNames(), names);
        names.add(method.generatedClass());
      }
      for (Operand arg : step.args()) {
        if (arg instanceof Constant constant) {
          reserveClass(constant.packageName(), constant.classNames(), names);
        }
      }
    }
    for (Branch branch : trace.branches()) {
      addReferencedNames(branch.condition(), names);
    }
    for (Loop loop : trace.loops()) {
      addReferencedNames(loop.condition(), names);
    }
    names.remove("");
    return names;
  }

  /** A class is reached by its outermost simple name, or through its package's first segment. */
  private static void reserveClass(String packageName, List<String> classNames, Set<String> names) {
    names.add(classNames.get(0));
    names.add(packageName.split("\\.")[0]);
  }

  /** The classes a condition names: it is written out whole, calls and constants included. */
  private static void addReferencedNames(Expr expr, Set<String> names) {
    if (expr instanceof Constant constant) {
      reserveClass(constant.packageName(), constant.classNames(), names);
    } else if (expr instanceof Expr.Apply apply) {
      if (apply.callee() instanceof MethodRef method) {
        reserveClass(method.packageName(), method.classNames(), names);
      }
      apply.args().forEach(arg -> addReferencedNames(arg, names));
    } else if (expr instanceof Expr.Conditional conditional) {
      addReferencedNames(conditional.condition(), names);
      addReferencedNames(conditional.then(), names);
      addReferencedNames(conditional.otherwise(), names);
    }
  }

  private record Reserved(String name) {}

  private record Gradient(Value parameter) {}

  private record Adjoint(Value value) {}

  private record Tangent(Value value) {}

  private record GraphNode(Value value) {}

  private record Member(String suggestion) {}

  private record CallSite(Step call) {}

  private record PassCounter(Loop loop) {}

  private record PassesSoFar(Loop loop) {}

  private record Snapshot(Step call, int argument) {}

  /** The value's own name: a field or local of forward and tangent, a parameter for parameters. */
  String of(Value value) {
    return allocated.get(canonical(value));
  }

  /** The value whose variable holds this one: a loop's header for its exit, an array's creation. */
  Value canonical(Value value) {
    Value canonical = value;
    for (Value alias = aliases.get(canonical); alias != null; alias = aliases.get(canonical)) {
      canonical = alias;
    }
    return canonical;
  }

  /** Whether an array is a parameter, whose gradient is {@code gradXs}, or a local array. */
  boolean isParameter(Value value) {
    return parameters.contains(canonical(value));
  }

  /**
   * The adjoint of an array: for a parameter the gradient it accumulates into, for a local array
   * the workspace's buffer {@code d_h}, as long as the array.
   */
  String arrayAdjoint(Value array) {
    return isParameter(array) ? gradient(canonical(array)) : adjoint(array);
  }

  /** The field that accumulates a parameter's gradient. */
  String gradient(Value parameter) {
    return allocated.get(new Gradient(parameter));
  }

  /** The local holding d(result)/d(value) in backward: {@code d_x}. */
  String adjoint(Value value) {
    return getOrAllocate(new Adjoint(canonical(value)), "d_" + of(value));
  }

  /**
   * The tangent of a value in tangent(): {@code xDot}; for parameters, tangent's direction
   * argument.
   */
  String tangent(Value value) {
    return getOrAllocate(new Tangent(canonical(value)), GeneratedNames.tangentParameter(of(value)));
  }

  /** The id of the value's node in graph(): {@code xNode}. */
  String graphNode(Value value) {
    return getOrAllocate(new GraphNode(canonical(value)), of(value) + "Node");
  }

  /** The workspace of the called method's generated class at one call site: named after it. */
  String callSite(Step call) {
    return getOrAllocate(new CallSite(call), ((MethodRef) call.callee()).name());
  }

  /** The counter of a loop's passes in backward, which replays them last first. */
  String passCounter(Loop loop) {
    return getOrAllocate(new PassCounter(loop), "pass");
  }

  /** Forward's count of a loop's passes, in a local until the loop ends. */
  String passesSoFar(Loop loop) {
    return getOrAllocate(new PassesSoFar(loop), "passes");
  }

  /**
   * The workspace's buffer for a copy of a local array passed to a call: in a loop, the copy
   * backward replays the call with; outside loops, the copy passed in the array's place.
   */
  String snapshot(Step call, int argument) {
    return getOrAllocate(
        new Snapshot(call, argument), of((Value) call.args().get(argument)) + "AtCall");
  }

  /** Another member of the generated class, such as a flag field. */
  String member(String suggestion) {
    return getOrAllocate(new Member(suggestion), suggestion);
  }

  private String getOrAllocate(Object tag, String suggestion) {
    String name = allocated.get(tag);
    return name != null ? name : allocate(suggestion, tag);
  }

  /**
   * The suggestion if no name so far has it, else the suggestion numbered from 2, as the user would
   * number them: {@code loss}, {@code loss_2}, {@code loss_3}.
   */
  private String allocate(String suggestion, Object tag) {
    String name = suggestion;
    for (int k = 2; taken.contains(name) || SourceVersion.isKeyword(name); k++) {
      name = suggestion + "_" + k;
    }
    taken.add(name);
    allocated.put(tag, name);
    return name;
  }
}
