package dev.chainrule.processor.check;

import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls that would need a gradient the callee does not compute: an argument that varies with the
 * caller's differentiated parameters, passed for a double or double[] parameter the callee's {@code
 * wrt} leaves out. Dropping that gradient would make the caller's derivative silently wrong, so it
 * is an error. Found on the lowered method, where activity is known.
 */
public final class ConstantArguments {
  private ConstantArguments() {}

  /** One message per offending argument, in the order of the calls. */
  public static List<String> check(Trace trace, Activity activity) {
    List<String> problems = new ArrayList<>();
    for (Step step : trace.steps()) {
      if (step.primitive() != Primitive.CALL_METHOD
          || !(step.callee() instanceof MethodRef callee)
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
          problems.add(
              Messages.constantArgument(
                  step.line().number(),
                  step.line().text(),
                  callee.displayName(),
                  param.name(),
                  a + 1));
        }
      }
    }
    return problems;
  }
}
