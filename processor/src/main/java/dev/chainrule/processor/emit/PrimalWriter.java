package dev.chainrule.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Node;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Value;
import java.util.List;

/**
 * Writes the user's computation, step by step and branch by branch, for forward, tangent and graph,
 * which differ only in where values live and in what each adds after a step or at the end of an
 * arm: a tangent, a graph node.
 */
abstract class PrimalWriter {
  protected final MethodSpec.Builder method;
  protected final Names names;
  protected final Code code;

  PrimalWriter(MethodSpec.Builder method, Names names, Code code) {
    this.method = method;
    this.names = names;
    this.code = code;
  }

  /** Whether the value lives in a field of the workspace rather than in a local. */
  protected boolean isField(Value value) {
    return false;
  }

  /** The right-hand side that computes the step's value. */
  protected CodeBlock value(Step step) {
    return code.primal(step);
  }

  protected void afterStep(Step step) {}

  /** Before the {@code if}: declare what both arms assign. */
  protected void beforeBranch(Branch branch) {}

  /** At the end of an arm, after the phis took their values. */
  protected void endOfArm(Branch branch, boolean then) {}

  final void write(List<Node> nodes, SourceComments comments) {
    for (Node node : nodes) {
      if (node instanceof Step step) {
        comments.before(step.line());
        assign(step.result(), value(step));
        afterStep(step);
      } else {
        branch((Branch) node, comments);
      }
    }
  }

  private void branch(Branch branch, SourceComments comments) {
    comments.before(branch.line());
    assign(branch.taken(), ConditionWriter.write(branch.condition(), branch.reads(), code));
    for (Branch.Phi phi : branch.phis()) {
      if (!isField(phi.result())) {
        method.addStatement("$T $L", Code.typeOf(phi.result().type()), names.of(phi.result()));
      }
    }
    beforeBranch(branch);
    method.beginControlFlow("if ($L)", names.of(branch.taken()));
    arm(branch, true, comments);
    method.nextControlFlow("else");
    arm(branch, false, comments);
    method.endControlFlow();
    comments.reset();
  }

  private void arm(Branch branch, boolean then, SourceComments comments) {
    write(then ? branch.then() : branch.otherwise(), comments.nested());
    for (Branch.Phi phi : branch.phis()) {
      method.addStatement(
          "$L = $L", names.of(phi.result()), code.operand(then ? phi.fromThen() : phi.fromElse()));
    }
    endOfArm(branch, then);
  }

  private void assign(Value value, CodeBlock computed) {
    if (isField(value)) {
      method.addStatement("$L = $L", names.of(value), computed);
    } else {
      method.addStatement("$T $L = $L", Code.typeOf(value.type()), names.of(value), computed);
    }
  }
}
