package dev.chainrule.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of the MLP's generated reverse mode goes: not part of the results table, a tool
 * for the processor's authors, like {@link RosenbrockCostBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MlpCostBenchmark -prof gc
 * </pre>
 *
 * <p>It times the generated workspace's {@code forward} and {@code backward} on their own, beside
 * the primal and the hand-written gradient. (Earlier hand-edited variants, without the data's
 * partials and with the tape in plain arrays, are gone: the generated code now leaves the data out,
 * through {@code wrt}, and computes its indices again instead of taping them.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MlpCostBenchmark {
  private double[] w;
  private double[] grad;
  private Mlp workload;
  private double[] xs;
  private double[] ys;
  private final Mlp_loss generated = new Mlp_loss();
  private final Mlp_loss recorded = new Mlp_loss();

  @Setup
  public void setUp() {
    workload = new Mlp();
    w = workload.point(new SplittableRandom(42));
    grad = new double[w.length];
    xs = workload.xs();
    ys = workload.ys();
    recorded.forward(w, xs, ys);
  }

  @Benchmark
  public double primal() {
    return Mlp.loss(w, xs, ys);
  }

  @Benchmark
  public double[] handWritten() {
    workload.handWritten(w, grad);
    return grad;
  }

  /** What GradientBenchmark.reverse times: zeroGrad, forward, backward. */
  @Benchmark
  public double[] reverse() {
    return workload.reverse(w, grad);
  }

  @Benchmark
  public double generatedForward() {
    return generated.forward(w, xs, ys);
  }

  /** backward alone, replaying one forward's tape again and again (the tape rewinds). */
  @Benchmark
  public double[] generatedBackward() {
    recorded.backward();
    return recorded.gradW();
  }
}
