package dev.chainrule.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.chainrule.processor.ad.forward.TangentPlan;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the static {@code tangent}: forward mode, each step followed by its tangent {@code zDot =
 * ∂z/∂x * xDot + ...}; it returns the directional derivative along the given directions.
 */
final class TangentWriter {
  private TangentWriter() {}

  static MethodSpec write(
      Trace trace, Activity activity, TangentPlan plan, Names names, Code code) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("tangent")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(TypeName.DOUBLE)
            .addJavadoc(
                "$L",
                Prose.wrap(
                    "Forward mode: the derivative of {@code "
                        + trace.function().qualifiedName()
                        + "} at the given point along the given direction, that is the sum over"
                        + " parameters x of d(result)/dx * xDot."));
    for (Value parameter : trace.params()) {
      method.addParameter(Code.typeOf(parameter.type()), names.of(parameter));
    }
    for (Value parameter : trace.differentiatedParams()) {
      method.addParameter(Code.typeOf(parameter.type()), names.tangent(parameter));
    }
    new PrimalWriter(method, names, code) {
      @Override
      protected void afterStep(Step step) {
        if (step.primitive().writesArray()) {
          if (activity.isActive(step.result())) {
            arrayTangent(step);
          }
          return;
        }
        if (plan.hasTangent(step)) {
          CodeBlock tangent =
              step.primitive() == Primitive.CALL_METHOD
                  ? calleeTangent(step, plan, activity, names, code)
                  : step.primitive() == Primitive.ELEMENT
                      ? CodeBlock.of(
                          "$L[$L]",
                          names.tangent((Value) step.args().get(0)),
                          code.operand(step.args().get(1)))
                      : sum(plan.termsOf(step), names, code);
          method.addStatement("double $L = $L", names.tangent(step.result()), tangent);
        }
      }

      @Override
      protected void beforeBranch(Branch branch) {
        for (Branch.Phi phi : branch.phis()) {
          if (activity.isActive(phi.result()) && !phi.result().type().isArray()) {
            method.addStatement("double $L", names.tangent(phi.result()));
          }
        }
      }

      /** A local array's tangents live in an array beside it. */
      private void arrayTangent(Step step) {
        String tangents = names.tangent(step.result());
        switch (step.primitive()) {
          case NEW_ARRAY ->
              method.addStatement(
                  "double[] $L = new double[$L]", tangents, code.operand(step.args().get(0)));
          case ARRAY_OF ->
              method.addStatement(
                  "double[] $L = {$L}",
                  tangents,
                  step.args().stream()
                      .map(a -> CodeBlock.of("$L", tangentOf(a)))
                      .collect(CodeBlock.joining(", ")));
          default ->
              method.addStatement(
                  "$L[$L] = $L",
                  tangents,
                  code.operand(step.args().get(1)),
                  tangentOf(step.args().get(2)));
        }
      }

      /** Each active header's tangent starts from its initial value's. */
      @Override
      protected void beforeLoop(Loop loop) {
        for (Loop.Carried carried : scalars(loop)) {
          if (activity.isActive(carried.header())) {
            method.addStatement(
                "double $L = $L", names.tangent(carried.header()), tangentOf(carried.initial()));
          }
        }
      }

      @Override
      protected void afterBackEdge(Loop loop) {
        for (Loop.Carried carried : scalars(loop)) {
          if (activity.isActive(carried.header())) {
            method.addStatement(
                "$L = $L", names.tangent(carried.header()), tangentOf(carried.next()));
          }
        }
      }

      private String tangentOf(Operand operand) {
        return activity.isActive(operand) ? names.tangent((Value) operand) : "0.0";
      }

      @Override
      protected void endOfArm(Branch branch, boolean then) {
        for (Branch.Phi phi : branch.phis()) {
          if (activity.isActive(phi.result()) && !phi.result().type().isArray()) {
            Operand from = then ? phi.fromThen() : phi.fromElse();
            method.addStatement(
                "$L = $L",
                names.tangent(phi.result()),
                activity.isActive(from) ? names.tangent((Value) from) : "0.0");
          }
        }
      }
    }.write(trace.body(), new SourceComments(method));
    if (activity.isActive(trace.result())) {
      method.addStatement("return $L", names.tangent((Value) trace.result()));
    } else {
      method.addStatement("return 0.0");
    }
    return method.build();
  }

  /** A call's tangent is the callee's own: {@code Callee_m.tangent(args, argument tangents)}. */
  private static CodeBlock calleeTangent(
      Step call, TangentPlan plan, Activity activity, Names names, Code code) {
    MethodRef callee = (MethodRef) call.callee();
    List<Value> active = plan.termsOf(call).stream().map(TangentPlan.Term::argument).toList();
    CodeBlock.Builder directions = CodeBlock.builder();
    for (int a = 0; a < call.args().size(); a++) {
      MethodRef.Param param = callee.params().get(a);
      Type type = param.type();
      Operand arg = call.args().get(a);
      if (!param.differentiated()) {
        continue; // a constant of the callee: no direction
      }
      if (type == Type.DOUBLE) {
        directions.add(
            ", $L", active.contains(arg) ? names.tangent((Value) arg) : CodeBlock.of("0.0"));
      } else if (type == Type.DOUBLE_ARRAY) {
        // An array's direction: its tangents, or zeros if it does not vary.
        directions.add(
            ", $L",
            activity.isActive(arg)
                ? names.tangent((Value) arg)
                : CodeBlock.of("new double[$L.length]", code.operand(arg)));
      }
    }
    return CodeBlock.of(
        "$T.tangent($L$L)",
        Code.generatedClassOf(callee),
        code.arguments(call.args()),
        directions.build());
  }

  private static CodeBlock sum(List<TangentPlan.Term> terms, Names names, Code code) {
    if (terms.isEmpty()) {
      return CodeBlock.of("0.0");
    }
    CodeBlock.Builder sum = CodeBlock.builder();
    for (int i = 0; i < terms.size(); i++) {
      TangentPlan.Term term = terms.get(i);
      boolean negative = term.partial().negative();
      CodeBlock product =
          code.product(CodeBlock.of("$L", names.tangent(term.argument())), term.partial());
      if (i == 0) {
        sum.add("$L$L", negative ? "-" : "", product);
      } else {
        sum.add(" $L $L", negative ? "-" : "+", product);
      }
    }
    return sum.build();
  }
}
