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
 *
 * <p>Workloads of up to {@value #MANY_POINTS_UP_TO} inputs are checked at five points, the larger
 * ones ({@code mlp}, {@code rosenbrock-1000} and {@code rosenbrock-10000}) at one: their
 * forward-mode baselines cost a pass per input. At n = 10000 the Hipparchus baseline is left out:
 * one call, before the JIT has compiled it, takes 7 to 18 seconds here and allocates 8 GB. It is
 * the same code as at n = 1000, where it is checked; chainrule's forward mode (0.4 s) is checked at
 * every n.
 */
class GradientAgreementTest {
  static final Iterable<String> WORKLOADS = Workloads.NAMES;

  /** Workloads with at most this many inputs are checked at five points, larger ones at one. */
  static final int MANY_POINTS_UP_TO = 100;

  /** Hipparchus is checked on workloads with at most this many inputs. */
  static final int HIPPARCHUS_UP_TO = 1000;

  /** Same function, different association of the arithmetic: a few ulps of the largest partial. */
  private static final double AGREE = 1e-12;

  /** The step of the central differences. */
  private static final double STEP = 1e-6;

  /** Central differences with step 1e-6 are good to about 1e-9 on these moderate functions. */
  private static final double FINITE_DIFFERENCES = 1e-7;

  /**
   * Rounding in the primal, amplified by the step. Each addition of a long sum such as Rosenbrock's
   * (about 5e5 at n = 10000) rounds by up to half an ulp of the running sum, differently for x + h
   * and x − h; over n additions that is a random walk of about √n half-ulps of |f|, which the
   * difference quotient divides by 2h. The bound allows four times that: 0.006 at n = 10000, where
   * the partials are about 1e3 and the error seen is 1e-4. Negligible for the small workloads.
   */
  private static double rounding(double primal, int terms) {
    return 4 * Math.sqrt(terms) * Math.ulp(Math.abs(primal)) / 2 / (2 * STEP);
  }

  @ParameterizedTest
  @FieldSource("WORKLOADS")
  void everyBaselineComputesTheSameGradient(String name) {
    Workload w = Workloads.create(name);
    Map<String, BiConsumer<double[], double[]>> baselines = new LinkedHashMap<>();
    baselines.put("Value", w::value);
    if (w.inputs() <= HIPPARCHUS_UP_TO) {
      baselines.put("Hipparchus", w::hipparchus);
    }
    baselines.put("chainrule forward", w::forwardMode);
    baselines.put(
        "chainrule reverse",
        (x, grad) -> System.arraycopy(w.reverse(x, grad), 0, grad, 0, grad.length));
    SplittableRandom random = new SplittableRandom(7);
    int points = w.inputs() <= MANY_POINTS_UP_TO ? 5 : 1;
    for (int point = 0; point < points; point++) {
      double[] x = w.point(random);
      double[] expected = new double[w.inputs()];
      w.handWritten(x, expected);
      double scale = 1;
      for (double e : expected) {
        assertTrue(Double.isFinite(e), () -> name + ": a hand-written partial is not finite");
        scale = Math.max(scale, Math.abs(e));
      }
      double[] numeric = finiteDifferences(w, x);
      double rounding = rounding(w.primal(x), x.length);
      for (int i = 0; i < x.length; i++) {
        assertEquals(
            numeric[i],
            expected[i],
            FINITE_DIFFERENCES * scale + rounding,
            name + ": hand-written ∂/∂x" + i);
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

  /** Central differences, moving one element of a copy of x at a time. */
  private static double[] finiteDifferences(Workload w, double[] x) {
    double[] moved = x.clone();
    double[] numeric = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      moved[i] = x[i] + STEP;
      double plus = w.primal(moved);
      moved[i] = x[i] - STEP;
      double minus = w.primal(moved);
      moved[i] = x[i];
      numeric[i] = (plus - minus) / (2 * STEP);
    }
    return numeric;
  }
}
