package dev.chainrule.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.chainrule.processor.ad.reverse.AdjointPlan;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Value;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code backward}: the chain rule unrolled, one line per partial derivative, last statement
 * first, each adjoint a local {@code d_x} named after the value it belongs to.
 */
final class BackwardWriter {
  private BackwardWriter() {}

  static MethodSpec write(AdjointPlan plan, Names names, Code code) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("backward")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "$L",
                Prose.wrap(
                    "Adds the gradient of the result, for the latest {@link #forward}, to each"
                        + " parameter's accumulated gradient."))
            .beginControlFlow("if (!$L)", names.member(WorkspaceWriter.RECORDED))
            .addStatement(
                "throw new $T($S)",
                IllegalStateException.class,
                "backward() needs a forward(...) call first: there is nothing recorded to differentiate")
            .endControlFlow();
    plan.seed().ifPresent(seed -> method.addStatement("double $L = 1.0", names.adjoint(seed)));
    parts(plan.parts(), method, new SourceComments(method), names, code);
    for (Value parameter : plan.gradients()) {
      method.addStatement("$L += $L", names.gradient(parameter), names.adjoint(parameter));
    }
    return method.build();
  }

  private static void parts(
      List<AdjointPlan.Part> parts,
      MethodSpec.Builder method,
      SourceComments comments,
      Names names,
      Code code) {
    for (AdjointPlan.Part part : parts) {
      if (part instanceof AdjointPlan.Block block) {
        comments.before(block.line());
        for (AdjointPlan.StepAdjoint adjoint : block.steps()) {
          if (adjoint.step().primitive() == Primitive.CALL_METHOD) {
            // The callee's workspace recorded this call in forward; its backward gives the
            // partials.
            String site = names.callSite(adjoint.step());
            method.addStatement("$L.zeroGrad()", site).addStatement("$L.backward()", site);
          }
          for (AdjointPlan.Update update : adjoint.updates()) {
            method.addStatement(update(update, names, code));
          }
        }
      } else {
        branch((AdjointPlan.BranchAdjoint) part, method, comments, names, code);
      }
    }
  }

  /** The branch replayed the way forward took it, each arm starting with its phis. */
  private static void branch(
      AdjointPlan.BranchAdjoint adjoint,
      MethodSpec.Builder method,
      SourceComments comments,
      Names names,
      Code code) {
    comments.before(adjoint.branch().line());
    for (Value hoisted : adjoint.hoisted()) {
      method.addStatement("double $L = 0.0", names.adjoint(hoisted));
    }
    method.beginControlFlow("if ($L)", names.of(adjoint.branch().taken()));
    adjoint.thenPhis().forEach(u -> method.addStatement(update(u, names, code)));
    parts(adjoint.then(), method, comments.nested(), names, code);
    if (!adjoint.elsePhis().isEmpty() || !adjoint.otherwise().isEmpty()) {
      method.nextControlFlow("else");
      adjoint.elsePhis().forEach(u -> method.addStatement(update(u, names, code)));
      parts(adjoint.otherwise(), method, comments.nested(), names, code);
    }
    method.endControlFlow();
    comments.reset();
  }

  private static CodeBlock update(AdjointPlan.Update update, Names names, Code code) {
    if (update.element().isPresent()) {
      CodeBlock product =
          code.product(CodeBlock.of("$L", names.adjoint(update.from())), update.partial());
      return CodeBlock.of(
          "$L[$L] $L= $L",
          names.gradient(update.target()),
          code.operand(update.element().get()),
          update.partial().negative() ? "-" : "+",
          product);
    }
    String target = names.adjoint(update.target());
    CodeBlock product =
        code.product(CodeBlock.of("$L", names.adjoint(update.from())), update.partial());
    boolean negative = update.partial().negative();
    if (update.declares()) {
      return CodeBlock.of("double $L = $L$L", target, negative ? "-" : "", product);
    }
    return CodeBlock.of("$L $L= $L", target, negative ? "-" : "+", product);
  }
}
