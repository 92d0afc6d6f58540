package dev.chainrule.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chainrule.processor.GeneratedNames;
import dev.chainrule.processor.ad.forward.TangentPlan;
import dev.chainrule.processor.ad.reverse.AdjointPlan;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.Function;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Value;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the class the contract names {@code C_m}: a reusable workspace with forward, backward,
 * zeroGrad and a gradient accessor per double parameter, plus the static forward-mode tangent.
 */
public final class WorkspaceWriter {
  /** The flag that lets backward refuse to run before any forward. */
  static final String RECORDED = "recorded";

  /** What forward records for backward inside loops. */
  static final String TAPE = "tape";

  private static final ClassName TAPE_CLASS = ClassName.get("dev.chainrule.tape", "Tape");

  private WorkspaceWriter() {}

  public static TypeSpec write(Trace trace, ClassName className) {
    Names names = new Names(trace);
    Code code = new Code(names);
    Activity activity = Activity.of(trace);
    AdjointPlan adjoints = AdjointPlan.of(trace, activity);
    List<Value> differentiable = trace.differentiatedParams();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(className)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc("$L", Prose.wrap(classJavadoc(trace.function(), differentiable)));
    for (Value value : adjoints.recording().fields()) {
      type.addField(Code.typeOf(value.type()), names.of(value), Modifier.PRIVATE);
    }
    for (Step creation : localArrays(trace)) {
      Value array = creation.result();
      type.addField(Code.typeOf(array.type()), names.of(array), Modifier.PRIVATE);
      if (activity.isActive(array)) {
        type.addField(Code.typeOf(array.type()), names.adjoint(array), Modifier.PRIVATE);
      }
    }
    adjoints
        .callsWithSnapshots()
        .forEach(
            (call, adjoint) ->
                adjoint
                    .snapshots()
                    .forEach(
                        a ->
                            type.addField(
                                Code.typeOf(call.args().get(a).type()),
                                names.snapshot(call, a),
                                Modifier.PRIVATE)));
    if (adjoints.usesTape()) {
      type.addField(
          FieldSpec.builder(TAPE_CLASS, names.member(TAPE), Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $T()", TAPE_CLASS)
              .build());
    }
    for (Step call : recordedCalls(trace, activity)) {
      ClassName callee = Code.generatedClassOf((MethodRef) call.callee());
      type.addField(
          FieldSpec.builder(callee, names.callSite(call), Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $T()", callee)
              .build());
    }
    for (Value parameter : differentiable) {
      FieldSpec.Builder gradient =
          FieldSpec.builder(
              Code.typeOf(parameter.type()), names.gradient(parameter), Modifier.PRIVATE);
      if (parameter.type().isArray()) {
        gradient.initializer("new double[0]"); // empty until the first forward gives a length
      }
      type.addField(gradient.build());
    }
    type.addField(
        FieldSpec.builder(TypeName.BOOLEAN, names.member(RECORDED), Modifier.PRIVATE).build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates a workspace; reuse it across calls, one per thread.\n")
            .build());
    type.addMethod(
        ForwardWriter.write(
            trace, activity, adjoints, recordedCalls(trace, activity), names, code));
    type.addMethod(BackwardWriter.write(adjoints, names, code));
    type.addMethod(zeroGrad(differentiable, names));
    for (Value parameter : differentiable) {
      type.addMethod(accessor(parameter, names));
    }
    TangentPlan tangents = TangentPlan.of(trace, activity);
    type.addMethod(TangentWriter.write(trace, activity, tangents, names, code));
    type.addMethod(GraphWriter.write(trace, activity, names, code));
    return type.build();
  }

  /**
   * The calls of {@code @Differentiable} methods that backward differentiates through: each gets a
   * workspace of the callee's generated class, which records the call in forward.
   */
  static List<Step> recordedCalls(Trace trace, Activity activity) {
    return trace.steps().stream()
        .filter(s -> s.primitive() == Primitive.CALL_METHOD && activity.isActive(s))
        .toList();
  }

  /** Where the method makes its local arrays: forward keeps each in a field, reused. */
  private static List<Step> localArrays(Trace trace) {
    return trace.steps().stream()
        .filter(s -> s.primitive().writesArray() && s.primitive() != Primitive.STORE)
        .toList();
  }

  private static String classJavadoc(Function function, List<Value> differentiable) {
    String accessors =
        differentiable.stream()
            .map(p -> "{@link #" + GeneratedNames.gradientAccessor(p.name()) + "()}")
            .collect(Collectors.joining(", "));
    return "Derivatives of {@code "
        + function.qualifiedName()
        + "}, generated by chainrule.\n\n"
        + "<p>{@link #forward} evaluates the method and records what {@link #backward()} needs;"
        + " backward adds the gradient of the result to each parameter's accumulated gradient"
        + (accessors.isEmpty() ? "" : ", read with " + accessors)
        + "; {@link #zeroGrad()} resets them. {@link #tangent} is forward mode, and {@link #graph}"
        + " records the computation graph with every value and gradient, for looking at. A"
        + " workspace is reused across calls and is used by one thread at a time.";
  }

  private static MethodSpec zeroGrad(List<Value> differentiable, Names names) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("zeroGrad")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Resets every accumulated gradient to zero.\n");
    for (Value parameter : differentiable) {
      if (parameter.type().isArray()) {
        method.addStatement("$T.fill($L, 0.0)", Arrays.class, names.gradient(parameter));
      } else {
        method.addStatement("$L = 0.0", names.gradient(parameter));
      }
    }
    return method.build();
  }

  private static MethodSpec accessor(Value parameter, Names names) {
    String javadoc =
        parameter.type().isArray()
            ? "The accumulated gradient of the result with respect to the elements of {@code "
                + parameter.name()
                + "}, as long as the latest argument (empty before the first forward); the"
                + " workspace's own array, not a copy.\n"
            : "The accumulated gradient of the result with respect to {@code "
                + parameter.name()
                + "}.\n";
    return MethodSpec.methodBuilder(GeneratedNames.gradientAccessor(parameter.name()))
        .addModifiers(Modifier.PUBLIC)
        .returns(Code.typeOf(parameter.type()))
        .addJavadoc("$L", javadoc)
        .addStatement("return $L", names.gradient(parameter))
        .build();
  }
}
