package dev.chainrule.processor.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A method lowered to single-assignment steps, in branches and loops where the source has them:
 * what forward computes, and what backward walks in reverse.
 *
 * @param params one value per parameter of the method, in declaration order
 * @param body the steps, branches and loops, in evaluation order
 * @param result what the method returns
 */
public record Trace(Function function, List<Value> params, List<Node> body, Operand result) {
  public Trace {
    params = List.copyOf(params);
    body = List.copyOf(body);
  }

  /**
   * The parameters backward gives gradients and tangent takes directions for, in order: the double
   * and double[] ones, or those the annotation's {@code wrt} lists.
   */
  public List<Value> differentiatedParams() {
    return params.stream().filter(p -> function.differentiates(p.name(), p.type())).toList();
  }

  /** Every step, also those inside branches and loops, in the order they appear in the source. */
  public List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    visit(body, node -> node instanceof Step step && steps.add(step));
    return steps;
  }

  /** Every branch, outermost first. */
  public List<Branch> branches() {
    List<Branch> branches = new ArrayList<>();
    visit(body, node -> node instanceof Branch branch && branches.add(branch));
    return branches;
  }

  /** Every loop, outermost first. */
  public List<Loop> loops() {
    List<Loop> loops = new ArrayList<>();
    visit(body, node -> node instanceof Loop loop && loops.add(loop));
    return loops;
  }

  /**
   * Every value the body defines, in order: step results, branch conditions and phi results, loop
   * headers, iteration counts and exits.
   */
  public List<Value> definedValues() {
    List<Value> values = new ArrayList<>();
    define(body, values);
    return values;
  }

  /** Every value defined inside {@code node}'s arms or body, and by the node itself. */
  public static List<Value> definedIn(Node node) {
    List<Value> values = new ArrayList<>();
    define(List.of(node), values);
    return values;
  }

  /** The nodes directly inside a branch's arms or a loop's body: none for a step. */
  public static List<List<Node>> children(Node node) {
    if (node instanceof Branch branch) {
      return List.of(branch.then(), branch.otherwise());
    }
    if (node instanceof Loop loop) {
      return List.of(loop.body());
    }
    return List.of();
  }

  private interface Visitor {
    /** Returns whatever it likes; the result is ignored, so that adding to a list reads well. */
    boolean visit(Node node);
  }

  private static void visit(List<Node> nodes, Visitor visitor) {
    for (Node node : nodes) {
      visitor.visit(node);
      children(node).forEach(inner -> visit(inner, visitor));
    }
  }

  private static void define(List<Node> nodes, List<Value> values) {
    for (Node node : nodes) {
      if (node instanceof Step step) {
        values.add(step.result());
      } else if (node instanceof Branch branch) {
        // The join first: the value that lives on after the branch gets the plain name.
        values.add(branch.taken());
        branch.phis().forEach(phi -> values.add(phi.result()));
        define(branch.then(), values);
        define(branch.otherwise(), values);
      } else if (node instanceof Loop loop) {
        loop.carried().forEach(carried -> values.add(carried.header()));
        values.add(loop.iterations());
        define(loop.body(), values);
        loop.carried().forEach(carried -> values.add(carried.exit()));
      }
    }
  }
}
