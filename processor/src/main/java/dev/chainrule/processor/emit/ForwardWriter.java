package dev.chainrule.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.chainrule.processor.ad.reverse.AdjointPlan;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code forward}: the user's method, one step per line, keeping in fields exactly the
 * values backward reads (the plan's tape) and everything else in locals.
 */
final class ForwardWriter {
  private ForwardWriter() {}

  static MethodSpec write(
      Trace trace, AdjointPlan plan, List<Step> recordedCalls, Names names, Code code) {
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
    Set<Value> tape = new HashSet<>(plan.tape());
    for (Value parameter : trace.params()) {
      method.addParameter(Code.typeOf(parameter.type()), names.of(parameter));
      if (parameter.type() == Type.DOUBLE_ARRAY) {
        // Sized on first use, and again only if the length changes: no allocation per call.
        String gradient = names.gradient(parameter);
        method
            .beginControlFlow(
                "if ($L == null || $L.length != $L.length)",
                gradient,
                gradient,
                names.of(parameter))
            .addStatement("$L = new double[$L.length]", gradient, names.of(parameter))
            .endControlFlow();
      }
      if (tape.contains(parameter)) {
        method.addStatement("this.$L = $L", names.of(parameter), names.of(parameter));
      }
    }
    new PrimalWriter(method, names, code) {
      @Override
      protected boolean isField(Value value) {
        return tape.contains(value);
      }

      @Override
      protected CodeBlock value(Step step) {
        return recordedCalls.contains(step)
            ? CodeBlock.of("$L.forward($L)", names.callSite(step), code.arguments(step.args()))
            : code.primal(step);
      }
    }.write(trace.body(), new SourceComments(method));
    method.addStatement("$L = true", names.member(WorkspaceWriter.RECORDED));
    method.addStatement("return $L", code.operand(trace.result()));
    return method.build();
  }
}
