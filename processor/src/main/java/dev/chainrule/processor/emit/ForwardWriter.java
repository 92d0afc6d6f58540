package dev.chainrule.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.chainrule.processor.ad.reverse.AdjointPlan;
import dev.chainrule.processor.ad.reverse.Recording;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code forward}: the user's method, one step per line, keeping in fields exactly the
 * values backward reads (the plan's tape) and everything else in locals.
 */
final class ForwardWriter {
  private ForwardWriter() {}

  static MethodSpec write(
      Trace trace,
      Activity activity,
      AdjointPlan plan,
      List<Step> recordedCalls,
      Names names,
      Code code) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("forward")
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.DOUBLE)
            .addJavadoc(
                "$L",
                Prose.wrap(
                    "Returns what {@code "
                        + trace.function().qualifiedName()
                        + "} returns for these arguments, and records what {@link #backward()}"
                        + " needs."));
    Recording recording = plan.recording();
    // A header lives in a field when its exit, which shares its variable, does.
    Set<Value> fields = new HashSet<>(recording.fields());
    for (Loop loop : trace.loops()) {
      for (Loop.Carried carried : loop.carried()) {
        if (fields.contains(carried.exit())) {
          fields.add(carried.header());
        }
      }
    }
    String tape = names.member(WorkspaceWriter.TAPE);
    // A forward that throws halfway leaves nothing for backward to misread.
    method.addStatement("$L = false", names.member(WorkspaceWriter.RECORDED));
    if (plan.usesTape()) {
      method.addStatement("$L.clear()", tape);
    }
    Map<Step, AdjointPlan.StepAdjoint> snapshots = plan.callsWithSnapshots();
    List<Value> differentiated = trace.differentiatedParams();
    for (Value parameter : trace.params()) {
      method.addParameter(Code.typeOf(parameter.type()), names.of(parameter));
      if (parameter.type() == Type.DOUBLE_ARRAY && differentiated.contains(parameter)) {
        // Sized on first use, and again only if the length changes: no allocation per call.
        String gradient = names.gradient(parameter);
        method
            .beginControlFlow("if ($L.length != $L.length)", gradient, names.of(parameter))
            .addStatement("$L = new double[$L.length]", gradient, names.of(parameter))
            .endControlFlow();
      }
      if (fields.contains(parameter)) {
        method.addStatement("this.$L = $L", names.of(parameter), names.of(parameter));
      }
    }
    new PrimalWriter(method, names, code) {
      @Override
      protected boolean isField(Value value) {
        return fields.contains(value);
      }

      /**
       * A local array lives in a field, made on first use and again only when its length changes,
       * else cleared, so that forward allocates nothing in steady state; so does its buffer of
       * adjoints, which backward keeps at zero between uses.
       */
      @Override
      protected void allocate(Step step) {
        Value array = step.result();
        String name = names.of(array);
        String element = array.type().elementType().javaName();
        boolean active = activity.isActive(array);
        if (step.primitive() == Primitive.NEW_ARRAY) {
          CodeBlock length = code.operand(step.args().get(0));
          method
              .beginControlFlow("if ($L == null || $L.length != $L)", name, name, length)
              .addStatement("$L = new $L[$L]", name, element, length)
              .nextControlFlow("else")
              .addStatement(
                  "$T.fill($L, $L)", Arrays.class, name, element.equals("int") ? "0" : "0.0")
              .endControlFlow();
          if (active) {
            String adjoint = names.adjoint(array);
            method
                .beginControlFlow("if ($L == null || $L.length < $L)", adjoint, adjoint, length)
                .addStatement("$L = new double[$L]", adjoint, length)
                .endControlFlow();
          }
          return;
        }
        int length = step.args().size();
        method
            .beginControlFlow("if ($L == null)", name)
            .addStatement("$L = new $L[$L]", name, element, length)
            .endControlFlow();
        for (int k = 0; k < length; k++) {
          method.addStatement("$L[$L] = $L", name, k, code.operand(step.args().get(k)));
        }
        if (active) {
          String adjoint = names.adjoint(array);
          method
              .beginControlFlow("if ($L == null)", adjoint)
              .addStatement("$L = new double[$L]", adjoint, length)
              .endControlFlow();
        }
      }

      @Override
      protected void beforeLoop(Loop loop) {
        if (counted(loop)) {
          method.addStatement("int $L = 0", counter(loop));
        }
      }

      @Override
      protected void endOfPass(Loop loop) {
        push(recording.keptBy(loop).pushed());
        if (counted(loop)) {
          method.addStatement("$L++", counter(loop));
        }
      }

      @Override
      protected void afterLoop(Loop loop) {
        if (fields.contains(loop.iterations())) {
          method.addStatement("$L = $L", names.of(loop.iterations()), counter(loop));
        }
      }

      /**
       * Where forward counts the passes: a local, stored into the field, if backward reads the
       * count from one, once after the loop rather than on every pass.
       */
      private String counter(Loop loop) {
        return fields.contains(loop.iterations())
            ? names.passesSoFar(loop)
            : names.of(loop.iterations());
      }

      @Override
      protected void endOfArm(Branch branch, boolean then) {
        push(recording.keptBy(branch, then).pushed());
      }

      /** Backward replays the loop: it needs to know how many passes forward made. */
      private boolean counted(Loop loop) {
        return fields.contains(loop.iterations()) || recording.isPushed(loop.iterations());
      }

      private void push(List<Value> values) {
        values.forEach(v -> method.addStatement("$L.push($L)", tape, names.of(v)));
      }

      /**
       * A local array passed to a call and written afterwards is copied whole: onto the tape in a
       * loop, where backward runs the call again; else into a buffer passed in its place.
       */
      @Override
      protected void beforeStep(Step step) {
        AdjointPlan.StepAdjoint adjoint = snapshots.get(step);
        if (adjoint == null) {
          return;
        }
        for (int argument : adjoint.snapshots()) {
          CodeBlock array = code.operand(step.args().get(argument));
          if (adjoint.replays()) {
            method.addStatement("$L.push($L)", tape, array);
            continue;
          }
          String copy = names.snapshot(step, argument);
          method
              .beginControlFlow("if ($L == null || $L.length != $L.length)", copy, copy, array)
              .addStatement(
                  "$L = new $L[$L.length]",
                  copy,
                  step.args().get(argument).type().elementType().javaName(),
                  array)
              .endControlFlow()
              .addStatement(
                  "$T.arraycopy($L, 0, $L, 0, $L.length)", System.class, array, copy, copy);
        }
      }

      @Override
      protected CodeBlock value(Step step) {
        if (!recordedCalls.contains(step)) {
          return code.primal(step);
        }
        // Outside loops, copies stand in for arrays written later; in a loop the tape keeps them.
        AdjointPlan.StepAdjoint adjoint = snapshots.get(step);
        boolean copied = adjoint != null && !adjoint.replays();
        return code.forwardCall(step, copied ? adjoint.snapshots() : List.of());
      }
    }.write(trace.body(), new SourceComments(method));
    method.addStatement("$L = true", names.member(WorkspaceWriter.RECORDED));
    method.addStatement("return $L", code.operand(trace.result()));
    return method.build();
  }
}
