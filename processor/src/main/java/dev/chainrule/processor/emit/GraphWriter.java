package dev.chainrule.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.chainrule.processor.GeneratedNames;
import dev.chainrule.processor.ad.rules.DerivativeRules;
import dev.chainrule.processor.ad.rules.Partial;
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
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the static {@code graph}: the method evaluated once with every active value recorded as a
 * node of a runtime {@code ComputationGraph}, its local derivatives on the edges, and the gradients
 * filled in by the graph's own backward pass. It is for looking at, printing and checking; the
 * partials come from the same table as backward's.
 */
final class GraphWriter {
  private static final ClassName GRAPH = ClassName.get("dev.chainrule.graph", "ComputationGraph");
  private static final ClassName EDGES = ClassName.get("dev.chainrule.graph", "Edges");

  private GraphWriter() {}

  static MethodSpec write(Trace trace, Activity activity, Names names, Code code) {
    String graph = names.member("graph");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("graph")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(GRAPH)
            .addJavadoc(
                "$L",
                Prose.wrap(
                    "The computation graph of {@code "
                        + trace.function().qualifiedName()
                        + "} at the given point: each parameter and each value computed from them,"
                        + " with its value and the gradient of the result."))
            .addStatement(
                "$T $L = new $T($S)", GRAPH, graph, GRAPH, trace.function().qualifiedName());
    for (Value parameter : trace.params()) {
      method.addParameter(Code.typeOf(parameter.type()), names.of(parameter));
    }
    for (Value parameter : trace.differentiatedParams()) {
      if (parameter.type() == Type.DOUBLE_ARRAY) {
        String nodes = names.graphNode(parameter);
        String p = names.of(parameter);
        String k = names.member("k");
        method
            .addStatement("int[] $L = new int[$L.length]", nodes, p)
            .beginControlFlow("for (int $L = 0; $L < $L.length; $L++)", k, k, p, k)
            .addStatement(
                "$L[$L] = $L.addInput($S + $L + $S, $L[$L])",
                nodes,
                k,
                graph,
                parameter.name() + "[",
                k,
                "]",
                p,
                k)
            .endControlFlow();
      }
      if (parameter.type() == Type.DOUBLE) {
        method.addStatement(
            "int $L = $L.addInput($S, $L)",
            names.graphNode(parameter),
            graph,
            parameter.name(),
            names.of(parameter));
      }
    }
    Deque<String> passes = new ArrayDeque<>();
    new PrimalWriter(method, names, code) {
      @Override
      protected void afterStep(Step step) {
        if (!activity.isActive(step)) {
          return;
        }
        if (step.primitive().writesArray()) {
          arrayNodes(step);
          return;
        }
        if (step.primitive() == Primitive.CALL_METHOD) {
          // The callee's own forward and backward give the local derivatives of this node.
          ClassName callee = Code.generatedClassOf((MethodRef) step.callee());
          String site = names.callSite(step);
          method
              .addStatement("$T $L = new $T()", callee, site, callee)
              .addStatement("$L.forward($L)", site, code.arguments(step.args()))
              .addStatement("$L.backward()", site);
        }
        method.addStatement(
            node(graph, step, label(step.result(), passes, names), activity, names, code));
      }

      /**
       * A local array's elements are nodes, tracked in an array of node ids beside it: a new
       * array's elements are all one node of zeros, and a write makes the element the value
       * written.
       */
      private void arrayNodes(Step step) {
        Value array = step.result();
        String nodes = names.graphNode(array);
        switch (step.primitive()) {
          case NEW_ARRAY -> {
            CodeBlock length = code.operand(step.args().get(0));
            method
                .addStatement("int[] $L = new int[$L]", nodes, length)
                .addStatement(
                    "$T.fill($L, $L.addNode($L, $S, 0.0, new int[] {}, new double[] {}))",
                    Arrays.class,
                    nodes,
                    graph,
                    label(array, passes, names),
                    "new double[" + length + "]");
          }
          case ARRAY_OF -> {
            CodeBlock.Builder elements = CodeBlock.builder();
            for (int k = 0; k < step.args().size(); k++) {
              elements.add(k == 0 ? "$L" : ", $L", elementNode(array, k, step.args().get(k)));
            }
            method.addStatement("int[] $L = {$L}", nodes, elements.build());
          }
          default ->
              method.addStatement(
                  "$L[$L] = $L",
                  nodes,
                  code.operand(step.args().get(1)),
                  elementNode(step.result(), -1, step.args().get(2)));
        }
      }

      /** The node of a value put into an array: its own, or one made for a constant. */
      private CodeBlock elementNode(Value array, int k, Operand value) {
        if (activity.isActive(value)) {
          return CodeBlock.of("$L", names.graphNode((Value) value));
        }
        // Labelled after the write's own version of the array, or the element of an initialiser.
        String name = k >= 0 ? names.of(array) + "[" + k + "]" : array.name() + "[]";
        return CodeBlock.of(
            "$L.addNode($L, $S, $L, new int[] {}, new double[] {})",
            graph,
            label(name, passes),
            code.operand(value).toString(),
            code.operand(value));
      }

      @Override
      protected void beforeBranch(Branch branch) {
        for (Branch.Phi phi : branch.phis()) {
          if (activity.isActive(phi.result()) && !phi.result().type().isArray()) {
            method.addStatement("int $L", names.graphNode(phi.result()));
          }
        }
      }

      /**
       * A header's node is its initial value's, then on each pass the node the pass ended at. The
       * loop counts its passes from 1, for labels.
       */
      @Override
      protected void beforeLoop(Loop loop) {
        for (Loop.Carried carried : scalars(loop)) {
          if (activity.isActive(carried.header())) {
            method.addStatement(
                "int $L = $L",
                names.graphNode(carried.header()),
                nodeOf(carried.header(), carried.initial()));
          }
        }
        String pass = names.passCounter(loop);
        method.addStatement("int $L = 1", pass);
        passes.addLast(pass);
      }

      @Override
      protected void afterBackEdge(Loop loop) {
        method.addStatement("$L++", names.passCounter(loop));
        for (Loop.Carried carried : scalars(loop)) {
          if (activity.isActive(carried.header())) {
            method.addStatement(
                "$L = $L",
                names.graphNode(carried.header()),
                nodeOf(carried.header(), carried.next()));
          }
        }
      }

      @Override
      protected void afterLoop(Loop loop) {
        passes.removeLast();
      }

      /** The node of an active value; a node of its own for a constant that starts a header. */
      private CodeBlock nodeOf(Value header, Operand operand) {
        if (activity.isActive(operand)) {
          return CodeBlock.of("$L", names.graphNode((Value) operand));
        }
        return CodeBlock.of(
            "$L.addNode($L, $S, $L, new int[] {}, new double[] {})",
            graph,
            label(header, passes, names),
            code.operand(operand).toString(),
            names.of(header));
      }

      /** A phi's node comes from the value its arm gave it, with local derivative 1. */
      @Override
      protected void endOfArm(Branch branch, boolean then) {
        for (Branch.Phi phi : branch.phis()) {
          if (activity.isActive(phi.result()) && !phi.result().type().isArray()) {
            Operand from = then ? phi.fromThen() : phi.fromElse();
            boolean linked = activity.isActive(from);
            method.addStatement(
                "$L = $L.addNode($L, $S, $L, new int[] {$L}, new double[] {$L})",
                names.graphNode(phi.result()),
                graph,
                label(phi.result(), passes, names),
                code.operand(from).toString(),
                names.of(phi.result()),
                linked ? names.graphNode((Value) from) : "",
                linked ? "1.0" : "");
          }
        }
      }
    }.write(trace.body(), new SourceComments(method));
    if (activity.isActive(trace.result())) {
      Value result = (Value) trace.result();
      String output = names.graphNode(result);
      if (isLoopExit(trace, result)) {
        // The last pass's node may not be the last one made: the output gets a node of its own.
        output = names.member("output");
        method.addStatement(
            "int $L = $L.addNode($S, $S, $L, new int[] {$L}, new double[] {1.0})",
            output,
            graph,
            names.of(result) + "@end",
            names.of(result) + " after the loop",
            names.of(result),
            names.graphNode(result));
      }
      method.addStatement("$L.backward($L)", graph, output);
    }
    return method.addStatement("return $L", graph).build();
  }

  private static boolean isLoopExit(Trace trace, Value value) {
    return trace.loops().stream()
        .anyMatch(loop -> loop.carried().stream().anyMatch(c -> c.exit().equals(value)));
  }

  /**
   * A node's label: the value's name, and inside loops the pass of each, outermost first, so that
   * every node has its own: {@code row_2@3.1}.
   */
  private static CodeBlock label(Value value, Deque<String> passes, Names names) {
    return label(names.of(value), passes);
  }

  private static CodeBlock label(String name, Deque<String> passes) {
    if (passes.isEmpty()) {
      return CodeBlock.of("$S", name);
    }
    return CodeBlock.of("$S + $L", name + "@", String.join(" + \".\" + ", passes));
  }

  /**
   * The step's node, with an edge from every active argument: also where the local derivative is
   * zero ({@code Math.pow(x, 0)}), so the picture shows what the value was computed from.
   */
  private static CodeBlock node(
      String graph, Step step, CodeBlock label, Activity activity, Names names, Code code) {
    List<Partial> partials = DerivativeRules.partials(step);
    CodeBlock.Builder parents = CodeBlock.builder();
    CodeBlock.Builder locals = CodeBlock.builder();
    // Arrays passed whole to a call: an edge from each element, weighted by the callee's gradient.
    CodeBlock.Builder arrayParents = CodeBlock.builder();
    CodeBlock.Builder arrayLocals = CodeBlock.builder();
    String separator = "";
    for (int a = 0; a < step.args().size(); a++) {
      if (activity.isActive(step.args().get(a))) {
        Partial partial = partials.get(a);
        Value arg = (Value) step.args().get(a);
        if (arg.type().isArray() && step.primitive() == Primitive.CALL_METHOD) {
          MethodRef.Param param = ((MethodRef) step.callee()).params().get(a);
          if (!param.differentiated()) {
            continue; // a constant of the callee, and the array does not vary where passed
          }
          String accessor = GeneratedNames.gradientAccessor(param.name());
          arrayParents.add(", $L", names.graphNode(arg));
          arrayLocals.add(", $L.$L()", names.callSite(step), accessor);
          continue;
        }
        if (arg.type().isArray()) {
          // An element read: its node hangs off the node of that element.
          parents.add(
              "$L$L[$L]", separator, names.graphNode(arg), code.operand(step.args().get(1)));
        } else {
          parents.add("$L$L", separator, names.graphNode(arg));
        }
        locals.add(
            "$L$L", separator, partial.isZero() ? CodeBlock.of("0.0") : code.partialValue(partial));
        separator = ", ";
      }
    }
    CodeBlock parentNodes = CodeBlock.of("new int[] {$L}", parents.build());
    CodeBlock localDerivatives = CodeBlock.of("new double[] {$L}", locals.build());
    if (!arrayParents.isEmpty()) {
      parentNodes = CodeBlock.of("$T.join($L$L)", EDGES, parentNodes, arrayParents.build());
      localDerivatives =
          CodeBlock.of("$T.join($L$L)", EDGES, localDerivatives, arrayLocals.build());
    }
    return CodeBlock.of(
        "int $L = $L.addNode($L, $S, $L, $L, $L)",
        names.graphNode(step.result()),
        graph,
        label,
        code.describe(step),
        names.of(step.result()),
        parentNodes,
        localDerivatives);
  }
}
