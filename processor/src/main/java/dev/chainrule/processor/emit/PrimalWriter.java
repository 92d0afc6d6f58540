package dev.chainrule.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.Node;
import dev.chainrule.processor.ir.Primitive;
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

  protected void beforeStep(Step step) {}

  protected void afterStep(Step step) {}

  /** A local array made: {@code double[] h = new double[n]} or {@code double[] h = {a, b}}. */
  protected void allocate(Step step) {
    Value array = step.result();
    if (step.primitive() == Primitive.NEW_ARRAY) {
      method.addStatement(
          "$T $L = new $L[$L]",
          Code.typeOf(array.type()),
          names.of(array),
          array.type().elementType().javaName(),
          code.operand(step.args().get(0)));
    } else {
      method.addStatement(
          "$T $L = {$L}", Code.typeOf(array.type()), names.of(array), code.arguments(step.args()));
    }
  }

  /** Before the {@code if}: declare what both arms assign. */
  protected void beforeBranch(Branch branch) {}

  /** At the end of an arm, after the phis took their values. */
  protected void endOfArm(Branch branch, boolean then) {}

  /** Before the loop, after its headers took their initial values. */
  protected void beforeLoop(Loop loop) {}

  /** At the end of each pass, before the headers take the values the pass ended with. */
  protected void endOfPass(Loop loop) {}

  /** At the end of each pass, after the headers took their next values. */
  protected void afterBackEdge(Loop loop) {}

  /** After the loop. */
  protected void afterLoop(Loop loop) {}

  final void write(List<Node> nodes, SourceComments comments) {
    for (Node node : nodes) {
      if (node instanceof Step step) {
        comments.before(step.line());
        beforeStep(step);
        if (step.primitive() == Primitive.STORE) {
          method.addStatement(
              "$L[$L] = $L",
              names.of(step.result()),
              code.operand(step.args().get(1)),
              code.operand(step.args().get(2)));
        } else if (step.primitive().writesArray()) {
          allocate(step);
        } else {
          assign(step.result(), value(step));
        }
        afterStep(step);
      } else if (node instanceof Branch branch) {
        branch(branch, comments);
      } else {
        loop((Loop) node, comments);
      }
    }
  }

  /**
   * A loop, as a while or do/while over mutable headers: each starts from its initial value, and
   * the end of each pass gives it the value the pass computed. After the loop, it holds the exit
   * value.
   */
  private void loop(Loop loop, SourceComments comments) {
    comments.before(loop.line());
    for (Loop.Carried carried : scalars(loop)) {
      assign(carried.header(), code.operand(carried.initial()));
    }
    beforeLoop(loop);
    CodeBlock condition = ConditionWriter.write(loop.condition(), loop.reads(), code);
    if (loop.testFirst()) {
      method.beginControlFlow("while ($L)", condition);
    } else {
      method.beginControlFlow("do");
    }
    write(loop.body(), comments.nested());
    endOfPass(loop);
    for (Loop.Carried carried : scalars(loop)) {
      method.addStatement("$L = $L", names.of(carried.header()), code.operand(carried.next()));
    }
    afterBackEdge(loop);
    if (loop.testFirst()) {
      method.endControlFlow();
    } else {
      method.endControlFlow("while ($L)", condition);
    }
    afterLoop(loop);
    comments.reset();
  }

  private void branch(Branch branch, SourceComments comments) {
    comments.before(branch.line());
    assign(branch.taken(), ConditionWriter.write(branch.condition(), branch.reads(), code));
    for (Branch.Phi phi : branch.phis()) {
      if (!isField(phi.result()) && !phi.result().type().isArray()) {
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
      if (!phi.result().type().isArray()) { // an array's versions are one variable
        method.addStatement(
            "$L = $L",
            names.of(phi.result()),
            code.operand(then ? phi.fromThen() : phi.fromElse()));
      }
    }
    endOfArm(branch, then);
  }

  /** The carried variables that are not arrays: an array's versions are one variable. */
  protected static List<Loop.Carried> scalars(Loop loop) {
    return loop.carried().stream().filter(c -> !c.header().type().isArray()).toList();
  }

  protected final void assign(Value value, CodeBlock computed) {
    if (isField(value)) {
      method.addStatement("$L = $L", names.of(value), computed);
    } else {
      method.addStatement("$T $L = $L", Code.typeOf(value.type()), names.of(value), computed);
    }
  }
}
