package dev.chainrule.processor.check;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.read.References;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Calls that would need a gradient the callee does not compute: an argument that varies with the
 * caller's differentiated parameters, passed for a double or double[] parameter the callee's {@code
 * wrt} leaves out. Dropping that gradient would make the caller's derivative silently wrong, so it
 * is an error. Found on the lowered method, where activity is known, and reported on the argument
 * when the method calls the callee only there.
 */
public final class ConstantArguments {
  private ConstantArguments() {}

  /** One problem per offending argument, in the order of the calls. */
  public static List<Problem> check(
      Trace trace,
      Activity activity,
      List<LanguageFence.CallSite> calls,
      ExecutableElement method) {
    List<Problem> problems = new ArrayList<>();
    List<Step> callSteps =
        trace.steps().stream().filter(s -> s.primitive() == Primitive.CALL_METHOD).toList();
    for (Step step : callSteps) {
      if (!(step.callee() instanceof MethodRef callee)
          || !callee.differentiable()
          || !activity.isActive(step)) {
        continue;
      }
      for (int a = 0; a < step.args().size(); a++) {
        MethodRef.Param param = callee.params().get(a);
        if (param.type() != null
            && param.type().hasGradient()
            && !param.differentiated()
            && activity.isVariedAsWritten(step.args().get(a))) {
          String message =
              Messages.constantArgument(
                  a + 1,
                  callee.displayName(),
                  step.line().number(),
                  step.line().text(),
                  param.name());
          TreePath argument = argumentTree(callee, a, callSteps, calls);
          problems.add(
              argument == null ? Problem.at(method, message) : Problem.at(argument, message));
        }
      }
    }
    return problems;
  }

  /**
   * The argument's tree, when the method calls the callee once, in one tree and one step: then they
   * are the same call. Otherwise null, and the problem goes on the method with the statement's line
   * and text. (Matching several calls by position is unreliable: lowering moves a for loop's update
   * after its body and a switch's default case last, and calls in conditions leave no step.)
   */
  private static TreePath argumentTree(
      MethodRef callee, int a, List<Step> callSteps, List<LanguageFence.CallSite> calls) {
    long steps = callSteps.stream().filter(s -> s.callee().equals(callee)).count();
    List<TreePath> sites =
        calls.stream()
            .filter(c -> calls(c.callee(), callee))
            .map(LanguageFence.CallSite::path)
            .toList();
    if (steps != 1
        || sites.size() != 1
        || !(sites.get(0).getLeaf() instanceof MethodInvocationTree call)) {
      return null;
    }
    return new TreePath(sites.get(0), call.getArguments().get(a));
  }

  private static boolean calls(ExecutableElement element, MethodRef callee) {
    return element.getSimpleName().contentEquals(callee.name())
        && References.classNames((TypeElement) element.getEnclosingElement())
            .equals(callee.classNames())
        && References.packageOf(element).equals(callee.packageName());
  }
}
