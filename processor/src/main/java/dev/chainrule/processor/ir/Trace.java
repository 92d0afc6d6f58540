package dev.chainrule.processor.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A method lowered to single-assignment steps, in branches where the source branches: what forward
 * computes, and what backward walks in reverse.
 *
 * @param params one value per parameter of the method, in declaration order
 * @param body the steps and branches, in evaluation order
 * @param result what the method returns
 */
public record Trace(Function function, List<Value> params, List<Node> body, Operand result) {
  public Trace {
    params = List.copyOf(params);
    body = List.copyOf(body);
  }

  /** Every step, also those inside branches, in the order they appear in the source. */
  public List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    collect(body, steps, new ArrayList<>());
    return steps;
  }

  /** Every branch, outermost first. */
  public List<Branch> branches() {
    List<Branch> branches = new ArrayList<>();
    collect(body, new ArrayList<>(), branches);
    return branches;
  }

  /** Every value the body defines, in order: step results, branch conditions, phi results. */
  public List<Value> definedValues() {
    List<Value> values = new ArrayList<>();
    define(body, values);
    return values;
  }

  /** Every value defined inside {@code branch}'s arms, and its phis. */
  public static List<Value> definedIn(Branch branch) {
    List<Value> values = new ArrayList<>();
    define(List.of(branch), values);
    return values;
  }

  private static void collect(List<Node> nodes, List<Step> steps, List<Branch> branches) {
    for (Node node : nodes) {
      if (node instanceof Step step) {
        steps.add(step);
      } else if (node instanceof Branch branch) {
        branches.add(branch);
        collect(branch.then(), steps, branches);
        collect(branch.otherwise(), steps, branches);
      }
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
      }
    }
  }
}
