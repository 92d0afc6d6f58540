package dev.chainrule.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.chainrule.processor.ad.reverse.AdjointPlan;
import dev.chainrule.processor.ad.reverse.Recomputed;
import dev.chainrule.processor.ad.reverse.Recording;
import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import dev.chainrule.processor.ir.Variable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code backward}: the chain rule unrolled, one line per partial derivative, last statement
 * first, each adjoint a local {@code d_x} named after the value it belongs to. Loops run in
 * reverse, each pass first popping what forward pushed in it.
 */
final class BackwardWriter {
  private final MethodSpec.Builder method;
  private final Names names;
  private final Code code;
  private final Recording recording;
  private final String tape;

  private BackwardWriter(MethodSpec.Builder method, AdjointPlan plan, Names names, Code code) {
    this.method = method;
    this.names = names;
    this.code = code;
    this.recording = plan.recording();
    this.tape = names.member(WorkspaceWriter.TAPE);
  }

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
    BackwardWriter writer = new BackwardWriter(method, plan, names, code);
    if (plan.usesTape()) {
      method.addStatement("$L.rewind()", writer.tape);
    }
    plan.seed().ifPresent(seed -> method.addStatement("double $L = 1.0", names.adjoint(seed)));
    writer.parts(plan.parts(), new SourceComments(method), new HashSet<>());
    for (Value parameter : plan.gradients()) {
      method.addStatement("$L += $L", names.gradient(parameter), names.adjoint(parameter));
    }
    return method.build();
  }

  /**
   * Writes the parts; {@code popped} holds the names of values popped into locals by enclosing
   * blocks, which a nested pop assigns rather than declares again.
   */
  private void parts(List<AdjointPlan.Part> parts, SourceComments comments, Set<String> popped) {
    for (AdjointPlan.Part part : parts) {
      if (part instanceof AdjointPlan.Block block) {
        comments.before(block.line());
        for (AdjointPlan.StepAdjoint adjoint : block.steps()) {
          if (adjoint.step().primitive() == Primitive.CALL_METHOD) {
            // The callee's workspace recorded this call in forward; its backward gives the
            // partials. In a loop it recorded the last pass only, so this pass is run again.
            String site = names.callSite(adjoint.step());
            if (adjoint.replays()) {
              replay(adjoint);
            }
            method.addStatement("$L.zeroGrad()", site).addStatement("$L.backward()", site);
          }
          for (AdjointPlan.Update update : adjoint.updates()) {
            method.addStatement(update(update));
          }
          for (AdjointPlan.ArrayPass pass : adjoint.arrays()) {
            arrayPass(adjoint.step(), pass);
          }
          adjoint.clear().ifPresent(this::clear);
        }
      } else if (part instanceof AdjointPlan.BranchAdjoint branch) {
        branch(branch, comments, popped);
      } else {
        loop((AdjointPlan.LoopAdjoint) part, comments, popped);
      }
    }
  }

  /** The branch replayed the way forward took it, each arm starting with its phis. */
  private void branch(
      AdjointPlan.BranchAdjoint adjoint, SourceComments comments, Set<String> popped) {
    comments.before(adjoint.branch().line());
    for (Value hoisted : adjoint.hoisted()) {
      method.addStatement("double $L = 0.0", names.adjoint(hoisted));
    }
    method.beginControlFlow("if ($L)", names.of(adjoint.branch().taken()));
    Set<String> thenPopped = restore(recording.keptBy(adjoint.branch(), true), popped);
    adjoint.thenPhis().forEach(u -> method.addStatement(update(u)));
    parts(adjoint.then(), comments.nested(), thenPopped);
    Recording.Kept elseKept = recording.keptBy(adjoint.branch(), false);
    // An arm that pushed must pop, to keep the tape in step, even when its chain rule is empty.
    if (!adjoint.elsePhis().isEmpty()
        || !adjoint.otherwise().isEmpty()
        || !elseKept.pushed().isEmpty()) {
      method.nextControlFlow("else");
      Set<String> elsePopped = restore(elseKept, popped);
      adjoint.elsePhis().forEach(u -> method.addStatement(update(u)));
      parts(adjoint.otherwise(), comments.nested(), elsePopped);
    }
    method.endControlFlow();
    comments.reset();
  }

  /**
   * The loop's passes, last first: each pops what its forward pass pushed, hands each header's
   * adjoint to the value the pass ended with, and runs the body's chain rule backwards.
   */
  private void loop(AdjointPlan.LoopAdjoint adjoint, SourceComments comments, Set<String> popped) {
    Loop loop = adjoint.loop();
    comments.before(loop.line());
    for (Value hoisted : adjoint.hoisted()) {
      method.addStatement("double $L = 0.0", names.adjoint(hoisted));
    }
    for (Value header : adjoint.headers()) {
      method.addStatement("double $L = 0.0", names.adjoint(header));
    }
    String pass = names.passCounter(loop);
    method.beginControlFlow(
        "for (int $L = $L; $L > 0; $L--)", pass, names.of(loop.iterations()), pass, pass);
    Set<String> passPopped = restore(recording.keptBy(loop), popped);
    adjoint.passStart().forEach(u -> method.addStatement(update(u)));
    for (Value header : adjoint.restarted()) {
      method.addStatement("$L = 0.0", names.adjoint(header));
    }
    parts(adjoint.body(), comments.nested(), passPopped);
    method.endControlFlow();
    comments.reset();
    adjoint.toInitial().forEach(u -> method.addStatement(update(u)));
  }

  /**
   * Brings back what a pass or arm kept: pops what forward pushed, last pushed first, then computes
   * again what it can in the order forward did ({@code double x_t1 = x[i_2];}). Returns the names
   * restored so far, these included: a name an enclosing block declared is assigned, not declared
   * again.
   */
  private Set<String> restore(Recording.Kept kept, Set<String> restored) {
    Set<String> now = new HashSet<>(restored);
    List<Value> pushed = kept.pushed();
    for (int i = pushed.size() - 1; i >= 0; i--) {
      Value value = pushed.get(i);
      String pop =
          switch (value.type()) {
            case DOUBLE -> "popDouble";
            case BOOLEAN -> "popBoolean";
            case INT -> "popInt";
            case LONG -> "popLong";
            default -> throw new IllegalArgumentException("no tape for " + value.type());
          };
      declareOrAssign(value, CodeBlock.of("$L.$L()", tape, pop), now);
    }
    for (Recomputed again : kept.recomputed()) {
      declareOrAssign(again.value(), recompute(again), now);
    }
    return now;
  }

  /**
   * The step again, a counter from the pass number ({@code i + (pass - 1) * 2}), or a loop's number
   * of passes from its bounds ({@code n > i ? n - i : 0}).
   */
  private CodeBlock recompute(Recomputed again) {
    if (again instanceof Recomputed.Again step) {
      return code.primal(step.step());
    }
    if (again instanceof Recomputed.Passes passes) {
      return passes(passes);
    }
    Recomputed.Counted counted = (Recomputed.Counted) again;
    String pass = names.passCounter(counted.loop());
    String before = "(" + pass + " - 1)";
    CodeBlock steps =
        isOne(counted.stride())
            ? CodeBlock.of("$L", before)
            : CodeBlock.of("$L * $L", before, code.operand(counted.stride()));
    if (isZero(counted.initial()) && !counted.down()) {
      return isOne(counted.stride()) ? CodeBlock.of("$L - 1", pass) : steps;
    }
    return CodeBlock.of(
        "$L $L $L", code.operand(counted.initial()), counted.down() ? "-" : "+", steps);
  }

  /**
   * {@code hi > lo ? hi - lo : 0}, or {@code hi >= lo ? hi - lo + 1 : 0} with the bound included:
   * compared first, since {@code hi - lo} overflows for far-apart bounds that make no passes.
   */
  private CodeBlock passes(Recomputed.Passes passes) {
    Expr bound = passes.bound();
    int extra = passes.inclusive() ? 1 : 0;
    if (passes.initial() instanceof Literal start && bound instanceof Literal end) {
      long span = (long) end.value() - (long) start.value();
      return CodeBlock.of("$L", Math.max(0, (passes.down() ? -span : span) + extra));
    }
    Map<Variable, Operand> reads = passes.loop().reads();
    CodeBlock start = code.operand(passes.initial());
    CodeBlock limit = ConditionWriter.write(bound, reads, code);
    CodeBlock hi = passes.down() ? start : limit;
    CodeBlock lo = passes.down() ? limit : start;
    boolean fromZero = passes.down() ? isZero(bound) : isZero(passes.initial());
    if (fromZero) { // hi + 1 cannot overflow: a loop up to Integer.MAX_VALUE never ends
      return CodeBlock.of("$T.max(0, $L$L)", Math.class, hi, extra == 1 ? " + 1" : "");
    }
    // Subtracted, a compound bound needs parentheses; a start (counting up) is an operand.
    boolean compound =
        passes.down() && bound instanceof Expr.Apply apply && apply.primitive() != Primitive.LENGTH;
    CodeBlock minusLo = compound ? CodeBlock.of("($L)", lo) : lo;
    return extra == 1
        ? CodeBlock.of("$L >= $L ? $L - $L + 1 : 0", hi, lo, hi, minusLo)
        : CodeBlock.of("$L > $L ? $L - $L : 0", hi, lo, hi, minusLo);
  }

  private static boolean isOne(Operand operand) {
    return operand instanceof Literal literal && literal.value() == 1;
  }

  /** A literal zero, as an operand or as a side of a condition. */
  private static boolean isZero(Object operandOrExpr) {
    return operandOrExpr instanceof Literal literal && literal.value() == 0;
  }

  private void declareOrAssign(Value value, CodeBlock computed, Set<String> declared) {
    String name = names.of(value);
    if (declared.add(name)) {
      method.addStatement("$T $L = $L", Code.typeOf(value.type()), name, computed);
    } else {
      method.addStatement("$L = $L", name, computed);
    }
  }

  /**
   * Runs a call's forward again with the arguments of this pass: local arrays come back whole from
   * the tape, into the workspace's buffer for them.
   */
  private void replay(AdjointPlan.StepAdjoint adjoint) {
    Step call = adjoint.step();
    List<Integer> snapshots = adjoint.snapshots();
    for (int i = snapshots.size() - 1; i >= 0; i--) {
      int a = snapshots.get(i);
      String buffer = names.snapshot(call, a);
      String pop = call.args().get(a).type() == Type.DOUBLE_ARRAY ? "popDoubles" : "popInts";
      method.addStatement("$L = $L.$L($L)", buffer, tape, pop, buffer);
    }
    method.addStatement(code.forwardCall(call, snapshots));
  }

  /** {@code d_w[k] += d_y * callee.gradW()[k]} for each element of an array passed whole. */
  private void arrayPass(Step call, AdjointPlan.ArrayPass pass) {
    String k = names.member("k");
    String gradient = names.callSite(call) + "." + pass.accessor() + "()";
    method
        .beginControlFlow("for (int $L = 0; $L < $L.length; $L++)", k, k, gradient, k)
        .addStatement(
            "$L[$L] += $L * $L[$L]",
            names.arrayAdjoint(pass.array()),
            k,
            names.adjoint(call.result()),
            gradient,
            k)
        .endControlFlow();
  }

  /** A local array's adjoint restarts at zero: one element after a write, all after creation. */
  private void clear(AdjointPlan.Clear clear) {
    String adjoint = names.arrayAdjoint(clear.array());
    if (clear.element().isPresent()) {
      method.addStatement("$L[$L] = 0.0", adjoint, code.operand(clear.element().get()));
    } else {
      method.addStatement(
          "$T.fill($L, 0, $L, 0.0)", Arrays.class, adjoint, code.operand(clear.length().get()));
    }
  }

  private CodeBlock update(AdjointPlan.Update update) {
    CodeBlock from =
        update.fromElement().isPresent()
            ? CodeBlock.of(
                "$L[$L]",
                names.arrayAdjoint(update.from()),
                code.operand(update.fromElement().get()))
            : CodeBlock.of("$L", names.adjoint(update.from()));
    if (update.element().isPresent()) {
      CodeBlock product = code.product(from, update.partial());
      return CodeBlock.of(
          "$L[$L] $L= $L",
          names.arrayAdjoint(update.target()),
          code.operand(update.element().get()),
          update.partial().negative() ? "-" : "+",
          product);
    }
    String target = names.adjoint(update.target());
    CodeBlock product = code.product(from, update.partial());
    boolean negative = update.partial().negative();
    if (update.declares()) {
      return CodeBlock.of("double $L = $L$L", target, negative ? "-" : "", product);
    }
    return CodeBlock.of("$L $L= $L", target, negative ? "-" : "+", product);
  }
}
