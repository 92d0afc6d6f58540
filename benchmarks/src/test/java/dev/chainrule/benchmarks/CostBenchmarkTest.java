package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The hand-written reverse mode in {@link RosenbrockCostBenchmark} computes the generated gradient:
 * a bound that got faster by being wrong would say nothing about the generated code. And each cost
 * benchmark runs.
 */
class CostBenchmarkTest {
  private static final double AGREE = 1e-12;

  @Test
  void theHandWrittenReverseModeComputesTheGeneratedGradient() {
    for (int n : new int[] {2, 10, 1000}) {
      Rosenbrock workload = new Rosenbrock(n);
      double[] x = workload.point(new SplittableRandom(n));
      double[] expected = workload.reverse(x, new double[n]).clone();
      assertClose(expected, RosenbrockCostBenchmark.recomputedGradient(x), "recompute at n = " + n);
    }
  }

  /** Every cost benchmark runs once through JMH, in this JVM, for a few milliseconds. */
  @Test
  void everyCostBenchmarkRuns() throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(RosenbrockCostBenchmark.class.getName())
            .include(MlpCostBenchmark.class.getName())
            .param("n", "10")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(20))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    assertEquals(8 + 5, results.size());
  }

  @Test
  void theInterleavedBreakdownPrintsARowPerVariant() {
    String rosenbrock = CostBreakdown.table("rosenbrock-10", 3, 1_000_000L);
    assertEquals(2 + 8, rosenbrock.lines().count(), rosenbrock);
    String mlp = CostBreakdown.table("mlp", 1, 1_000_000L);
    assertEquals(2 + 5, mlp.lines().count(), mlp);
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    double scale = 1;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], AGREE * scale, what + ": ∂/∂x" + i);
    }
  }
}
