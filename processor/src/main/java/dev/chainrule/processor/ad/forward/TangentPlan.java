package dev.chainrule.processor.ad.forward;

import dev.chainrule.processor.ad.rules.DerivativeRules;
import dev.chainrule.processor.ad.rules.Partial;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What forward mode computes besides the primal: for each active step, its tangent as a sum of
 * terms {@code ∂z/∂x · xDot}, one per active argument, in the order the steps run.
 */
public record TangentPlan(Map<Step, List<Term>> tangents) {

  /** {@code partial · tangent of argument}. */
  public record Term(Value argument, Partial partial) {}

  public static TangentPlan of(Trace trace, Activity activity) {
    Map<Step, List<Term>> tangents = new LinkedHashMap<>();
    for (Step step : trace.steps()) {
      if (!activity.isActive(step)) {
        continue;
      }
      List<Partial> partials = DerivativeRules.partials(step);
      List<Term> terms = new ArrayList<>();
      for (int a = 0; a < step.args().size(); a++) {
        Operand arg = step.args().get(a);
        if (activity.isActive(arg) && !partials.get(a).isZero()) {
          terms.add(new Term((Value) arg, partials.get(a)));
        }
      }
      tangents.put(step, List.copyOf(terms));
    }
    return new TangentPlan(tangents);
  }

  /** The terms of the step's tangent, or none if the step is not active. */
  public List<Term> termsOf(Step step) {
    return tangents.getOrDefault(step, List.of());
  }

  public boolean hasTangent(Step step) {
    return tangents.containsKey(step);
  }
}
