package dev.chainrule.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of Rosenbrock's generated reverse mode goes: not part of the results table, a tool
 * for the processor's authors.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RosenbrockCostBenchmark -prof gc
 * </pre>
 *
 * <p>It times the generated workspace's parts on their own ({@code forward}, {@code backward},
 * {@code zeroGrad}), and {@link Recompute}, a reverse mode written by hand in two passes with no
 * tape: backward loops down over {@code i} and reads {@code x} again. Generated code that tapes
 * nothing, as Rosenbrock's now does, should take about as long; a gap says what the generated code
 * does that it need not.
 *
 * <p>{@code CostBenchmarkTest} checks that {@link Recompute} computes the generated gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockCostBenchmark {
  @Param({"10", "1000", "10000"})
  public int n;

  private double[] x;
  private double[] grad;
  private Rosenbrock workload;
  private final Rosenbrock_rosenbrock generated = new Rosenbrock_rosenbrock();
  private final Rosenbrock_rosenbrock recorded = new Rosenbrock_rosenbrock();
  private final Recompute recompute = new Recompute();

  @Setup
  public void setUp() {
    workload = new Rosenbrock(n);
    x = workload.point(new SplittableRandom(42));
    grad = new double[n];
    generated.forward(x); // sizes gradX, for generatedZeroGrad
    recorded.forward(x);
  }

  @Benchmark
  public double primal() {
    return Rosenbrock.rosenbrock(x);
  }

  @Benchmark
  public double[] handWritten() {
    workload.handWritten(x, grad);
    return grad;
  }

  /** What GradientBenchmark.reverse times: zeroGrad, forward, backward, through the interface. */
  @Benchmark
  public double[] reverse() {
    return workload.reverse(x, grad);
  }

  /** The same called directly: zeroGrad, forward, backward. */
  @Benchmark
  public double[] generated() {
    generated.zeroGrad();
    generated.forward(x);
    generated.backward();
    return generated.gradX();
  }

  @Benchmark
  public double generatedForward() {
    return generated.forward(x);
  }

  /** backward alone, replaying one forward's tape again and again (the tape rewinds). */
  @Benchmark
  public double[] generatedBackward() {
    recorded.backward();
    return recorded.gradX();
  }

  @Benchmark
  public double[] generatedZeroGrad() {
    generated.zeroGrad();
    return generated.gradX();
  }

  @Benchmark
  public double[] recompute() {
    recompute.zeroGrad();
    recompute.forward(x);
    recompute.backward();
    return recompute.gradX;
  }

  /** The hand-written reverse mode's gradient at x, for the test: zeroGrad, forward, backward. */
  static double[] recomputedGradient(double[] x) {
    Recompute recompute = new Recompute();
    recompute.zeroGrad();
    recompute.forward(x);
    recompute.backward();
    return recompute.gradX;
  }

  /** No tape: backward reads x again, last element first. */
  static final class Recompute {
    private double[] x;
    double[] gradX;

    public double forward(double[] x) {
      this.x = x;
      if (gradX == null || gradX.length != x.length) {
        gradX = new double[x.length];
      }
      return Rosenbrock.rosenbrock(x);
    }

    public void backward() {
      double[] x = this.x;
      double[] gradX = this.gradX;
      double d_sum = 1.0;
      for (int i = x.length - 2; i >= 0; i--) {
        double xi = x[i];
        double a = x[i + 1] - xi * xi;
        double b = 1 - xi;
        double sum_t1 = 100 * a;
        double d_b = d_sum * b + d_sum * b;
        double d_a = d_sum * sum_t1 + d_sum * a * 100;
        gradX[i] += -d_b - d_a * xi - d_a * xi;
        gradX[i + 1] += d_a;
      }
    }

    public void zeroGrad() {
      if (gradX != null) {
        Arrays.fill(gradX, 0.0);
      }
    }
  }
}
