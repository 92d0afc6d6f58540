package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The quick mode's correctness half: every benchmark's gradient is finite and every baseline
 * agrees, at a few points of each workload, with the hand-written gradient to a tight tolerance and
 * with central finite differences of the primal. Timing is not tested.
 */
class GradientAgreementTest {
  static final Iterable<String> WORKLOADS = Workloads.NAMES;

  /** Same function, different association of the arithmetic: a few ulps of the largest partial. */
  private static final double AGREE = 1e-12;

  /** Central differences with step 1e-6 are good to about 1e-9 on these moderate functions. */
  private static final double FINITE_DIFFERENCES = 1e-7;

  @ParameterizedTest
  @FieldSource("WORKLOADS")
  void everyBaselineComputesTheSameGradient(String name) {
    Workload w = Workloads.create(name);
    Map<String, BiConsumer<double[], double[]>> baselines = new LinkedHashMap<>();
    baselines.put("Value", w::value);
    baselines.put("Hipparchus", w::hipparchus);
    baselines.put("chainrule forward", w::forwardMode);
    baselines.put("chainrule reverse", w::reverse);
    SplittableRandom random = new SplittableRandom(7);
    for (int point = 0; point < 5; point++) {
      double[] x = w.point(random);
      double[] expected = new double[w.inputs()];
      w.handWritten(x, expected);
      double scale = 1;
      for (double e : expected) {
        assertTrue(Double.isFinite(e), () -> name + ": a hand-written partial is not finite");
        scale = Math.max(scale, Math.abs(e));
      }
      double[] numeric = finiteDifferences(w, x);
      for (int i = 0; i < x.length; i++) {
        assertEquals(
            numeric[i], expected[i], FINITE_DIFFERENCES * scale, name + ": hand-written ∂/∂x" + i);
      }
      for (Map.Entry<String, BiConsumer<double[], double[]>> baseline : baselines.entrySet()) {
        double[] grad = new double[w.inputs()];
        baseline.getValue().accept(x, grad);
        for (int i = 0; i < x.length; i++) {
          assertEquals(
              expected[i], grad[i], AGREE * scale, name + ": " + baseline.getKey() + " ∂/∂x" + i);
        }
      }
    }
  }

  private static double[] finiteDifferences(Workload w, double[] x) {
    double h = 1e-6;
    double[] numeric = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += h;
      minus[i] -= h;
      numeric[i] = (w.primal(plus) - w.primal(minus)) / (2 * h);
    }
    return numeric;
  }
}
