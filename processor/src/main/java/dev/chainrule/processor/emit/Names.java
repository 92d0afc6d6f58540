package dev.chainrule.processor.emit;

import com.palantir.javapoet.NameAllocator;
import dev.chainrule.processor.GeneratedNames;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Java names for everything a generated class declares, derived from the user's names and never
 * clashing with them: the user's parameters keep their names, then every value, gradient, adjoint
 * ({@code d_x}) and tangent ({@code xDot}) takes the first free spelling of its suggestion. All
 * names share one scope because fields, parameters and locals meet in the same method bodies.
 * Allocation follows the trace, so the same method always gets the same names.
 */
final class Names {
  private final NameAllocator allocator = new NameAllocator();
  private final Map<Object, String> allocated = new HashMap<>();
  private final List<Value> values = new ArrayList<>();

  Names(Trace trace) {
    for (Value parameter : trace.params()) {
      allocator.newName(parameter.name(), parameter);
      values.add(parameter);
    }
    for (Step step : trace.steps()) {
      allocator.newName(step.result().name(), step.result());
      values.add(step.result());
    }
    for (Value parameter : trace.params()) {
      if (parameter.type().isDifferentiable()) {
        allocator.newName(
            GeneratedNames.gradientAccessor(parameter.name()), new Gradient(parameter));
      }
    }
  }

  private record Gradient(Value parameter) {}

  private record Adjoint(Value value) {}

  private record Tangent(Value value) {}

  private record GraphNode(Value value) {}

  private record Member(String suggestion) {}

  private record CallSite(Step call) {}

  /** The names of the user's values as declared in generated code, parameters first. */
  List<String> declared() {
    return values.stream().map(allocator::get).toList();
  }

  /** The value's own name: a field or local of forward and tangent, a parameter for parameters. */
  String of(Value value) {
    return allocator.get(value);
  }

  /** The field that accumulates a parameter's gradient. */
  String gradient(Value parameter) {
    return allocator.get(new Gradient(parameter));
  }

  /** The local holding d(result)/d(value) in backward: {@code d_x}. */
  String adjoint(Value value) {
    return getOrAllocate(new Adjoint(value), "d_" + of(value));
  }

  /**
   * The tangent of a value in tangent(): {@code xDot}; for parameters, tangent's direction
   * argument.
   */
  String tangent(Value value) {
    return getOrAllocate(new Tangent(value), GeneratedNames.tangentParameter(of(value)));
  }

  /** The id of the value's node in graph(): {@code xNode}. */
  String graphNode(Value value) {
    return getOrAllocate(new GraphNode(value), of(value) + "Node");
  }

  /** The workspace of the called method's generated class at one call site: named after it. */
  String callSite(Step call) {
    return getOrAllocate(new CallSite(call), ((MethodRef) call.callee()).name());
  }

  /** Another member of the generated class, such as a flag field. */
  String member(String suggestion) {
    return getOrAllocate(new Member(suggestion), suggestion);
  }

  private String getOrAllocate(Object tag, String suggestion) {
    return allocated.computeIfAbsent(tag, t -> allocator.newName(suggestion, t));
  }
}
