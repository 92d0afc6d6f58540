package dev.chainrule.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time per gradient of each workload, six ways, in one run. JMH runs each workload in its own fork,
 * so each method sees one {@link Workload} class and the JIT inlines through the interface.
 *
 * <p>The inputs come from a field set in {@link #setUp}, not from constants the JIT could fold;
 * each gradient method overwrites {@link #grad}, which is returned so JMH's blackhole consumes it
 * (the stores into an array reachable from the state cannot be eliminated either).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GradientBenchmark {
  @Param({
    "and-gate",
    "chain",
    "xor",
    "rosenbrock-10",
    "rosenbrock-100",
    "rosenbrock-1000",
    "rosenbrock-10000",
    "mlp"
  })
  public String workload;

  private Workload w;
  private double[] x;
  private double[] grad;

  @Setup
  public void setUp() {
    w = Workloads.create(workload);
    x = w.point(new SplittableRandom(42));
    grad = new double[w.inputs()];
  }

  @Benchmark
  public double primal() {
    return w.primal(x);
  }

  @Benchmark
  public double[] handWritten() {
    w.handWritten(x, grad);
    return grad;
  }

  @Benchmark
  public double[] value() {
    w.value(x, grad);
    return grad;
  }

  @Benchmark
  public double[] hipparchus() {
    w.hipparchus(x, grad);
    return grad;
  }

  @Benchmark
  public double[] forwardMode() {
    w.forwardMode(x, grad);
    return grad;
  }

  @Benchmark
  public double[] reverse() {
    return w.reverse(x, grad);
  }
}
