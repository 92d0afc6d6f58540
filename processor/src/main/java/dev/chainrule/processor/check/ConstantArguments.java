package dev.chainrule.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.read.References;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Calls that would need a gradient the callee does not compute: an argument that varies with the
 * caller's differentiated parameters, passed for a double or double[] parameter the callee's {@code
 * wrt} leaves out. Dropping that gradient would make the caller's derivative silently wrong, so it
 * is an error. Found on the lowered method, where activity is known, and reported on the argument
 * when the call can be told apart from others to the same method in its statement.
 */
public final class ConstantArguments {
  private ConstantArguments() {}

  /** One problem per offending argument, in the order of the calls. */
  public static List<Problem> check(
      Trace trace,
      Activity activity,
      List<LanguageFence.CallSite> calls,
      Trees trees,
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
          TreePath argument = argumentTree(step, callee, a, callSteps, calls, trees);
          problems.add(
              argument == null ? Problem.at(method, message) : Problem.at(argument, message));
        }
      }
    }
    return problems;
  }

  /**
   * The argument's tree: the step is the k-th call of its callee in its statement, in the order
   * calls complete, which is the order their trees end in ({@code f(g(x))}: g, then f). Null, and
   * the problem goes on the method, if the statement's calls cannot be matched one to one.
   */
  private static TreePath argumentTree(
      Step step,
      MethodRef callee,
      int a,
      List<Step> callSteps,
      List<LanguageFence.CallSite> calls,
      Trees trees) {
    List<Step> siblings =
        callSteps.stream()
            .filter(s -> s.callee().equals(callee) && s.line().number() == step.line().number())
            .toList();
    List<TreePath> sites =
        calls.stream()
            .filter(c -> calls(c.callee(), callee))
            .map(LanguageFence.CallSite::path)
            .filter(path -> statementLine(path, trees) == step.line().number())
            .sorted(Comparator.comparingLong(path -> end(path, trees)))
            .toList();
    if (sites.size() != siblings.size()
        || !(sites.get(siblings.indexOf(step)).getLeaf() instanceof MethodInvocationTree call)) {
      return null;
    }
    TreePath site = sites.get(siblings.indexOf(step));
    return new TreePath(site, call.getArguments().get(a));
  }

  private static long end(TreePath path, Trees trees) {
    return trees.getSourcePositions().getEndPosition(path.getCompilationUnit(), path.getLeaf());
  }

  private static boolean calls(ExecutableElement element, MethodRef callee) {
    return element.getSimpleName().contentEquals(callee.name())
        && References.classNames((TypeElement) element.getEnclosingElement())
            .equals(callee.classNames())
        && References.packageOf(element).equals(callee.packageName());
  }

  /** The line where the statement holding the tree starts: what a step's source line gives. */
  private static long statementLine(TreePath path, Trees trees) {
    TreePath statement = path;
    while (statement != null && !(statement.getLeaf() instanceof StatementTree)) {
      statement = statement.getParentPath();
    }
    if (statement == null) {
      return -1;
    }
    CompilationUnitTree unit = statement.getCompilationUnit();
    long start = trees.getSourcePositions().getStartPosition(unit, statement.getLeaf());
    return unit.getLineMap().getLineNumber(start);
  }
}
