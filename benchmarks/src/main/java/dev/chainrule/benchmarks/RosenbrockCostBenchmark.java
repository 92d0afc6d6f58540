package dev.chainrule.benchmarks;

import dev.chainrule.tape.Tape;
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
 * {@code zeroGrad}, and the copy of the gradient that the {@link Workload} interface makes), and
 * three hand-edited copies of the generated code, each changing one thing, to put a number on it:
 *
 * <ul>
 *   <li>{@link ArrayTape}: the generated code with the same seven values per pass on the tape, but
 *       pushed into and popped from plain arrays through local counters, sized up front: what the
 *       {@link Tape} object's per-push capacity check, per-pop cursor check and field traffic cost.
 *   <li>{@link MinimalTape}: the generated code with the {@link Tape}, pushing only {@code a} and
 *       {@code x[i]}: {@code b = 1 − x[i]} and {@code 100·a} are recomputed, {@code x[i]} is pushed
 *       once rather than twice, and {@code i} and {@code i + 1} are recomputed from the pass count
 *       (the loop's index is an induction variable): what the redundant pushes cost.
 *   <li>{@link Recompute}: no tape: backward loops down over {@code i} and reads {@code x} again,
 *       as a hand-written two-pass reverse mode would.
 * </ul>
 *
 * <p>{@code CostBenchmarkTest} checks that each copy computes the generated gradient.
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
  private final ArrayTape arrayTape = new ArrayTape();
  private final MinimalTape minimalTape = new MinimalTape();
  private final Recompute recompute = new Recompute();

  @Setup
  public void setUp() {
    workload = new Rosenbrock(n);
    x = workload.point(new SplittableRandom(42));
    grad = new double[n];
    generated.forward(x); // sizes gradX, for generatedZeroGrad and copy
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

  /** What GradientBenchmark.reverse times: zeroGrad, forward, backward and the copy. */
  @Benchmark
  public double[] reverse() {
    workload.reverse(x, grad);
    return grad;
  }

  /** The same without the copy into {@code grad}: zeroGrad, forward, backward. */
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
  public double[] copy() {
    System.arraycopy(generated.gradX(), 0, grad, 0, n);
    return grad;
  }

  @Benchmark
  public double[] arrayTape() {
    arrayTape.zeroGrad();
    arrayTape.forward(x);
    arrayTape.backward();
    return arrayTape.gradX;
  }

  @Benchmark
  public double[] minimalTape() {
    minimalTape.zeroGrad();
    minimalTape.forward(x);
    minimalTape.backward();
    return minimalTape.gradX;
  }

  @Benchmark
  public double[] recompute() {
    recompute.zeroGrad();
    recompute.forward(x);
    recompute.backward();
    return recompute.gradX;
  }

  /** A variant's gradient at x, for the test: zeroGrad, forward, backward. */
  static double[] gradient(String variant, double[] x) {
    Variant v =
        switch (variant) {
          case "arrayTape" -> new ArrayTape();
          case "minimalTape" -> new MinimalTape();
          case "recompute" -> new Recompute();
          default -> throw new IllegalArgumentException(variant);
        };
    v.zeroGrad();
    v.forward(x);
    v.backward();
    return v.gradient();
  }

  private interface Variant {
    double forward(double[] x);

    void backward();

    void zeroGrad();

    double[] gradient();
  }

  /** The generated code's pushes and pops, through local counters into arrays sized up front. */
  static final class ArrayTape implements Variant {
    private int iterations;
    private double[] doubles = new double[0];
    private int[] ints = new int[0];
    private int doubleCount;
    private int intCount;
    double[] gradX;

    @Override
    public double forward(double[] x) {
      if (gradX == null || gradX.length != x.length) {
        gradX = new double[x.length];
        doubles = new double[5 * x.length];
        ints = new int[2 * x.length];
      }
      double[] doubles = this.doubles;
      int[] ints = this.ints;
      int dc = 0;
      int ic = 0;
      double sum_2 = 0.0;
      int i_2 = 0;
      int iterations = 0;
      while (i_2 < x.length - 1) {
        int a_t1 = i_2 + 1;
        double a_t2 = x[a_t1];
        double a_t3 = x[i_2];
        double a_t4 = x[i_2];
        double a_t5 = a_t3 * a_t4;
        double a = a_t2 - a_t5;
        double b_t1 = x[i_2];
        double b = 1 - b_t1;
        double sum_t1 = 100 * a;
        double sum_t2 = sum_t1 * a;
        double sum_t3 = b * b;
        double sum_t4 = sum_t2 + sum_t3;
        double sum_3 = sum_2 + sum_t4;
        int i_3 = i_2 + 1;
        ints[ic++] = i_2;
        ints[ic++] = a_t1;
        doubles[dc++] = a_t3;
        doubles[dc++] = a_t4;
        doubles[dc++] = a;
        doubles[dc++] = b;
        doubles[dc++] = sum_t1;
        iterations++;
        sum_2 = sum_3;
        i_2 = i_3;
      }
      this.iterations = iterations;
      this.doubleCount = dc;
      this.intCount = ic;
      return sum_2;
    }

    @Override
    public void backward() {
      double[] doubles = this.doubles;
      int[] ints = this.ints;
      double[] gradX = this.gradX;
      int dc = doubleCount;
      int ic = intCount;
      double d_sum_2 = 1.0;
      for (int pass = iterations; pass > 0; pass--) {
        double sum_t1 = doubles[--dc];
        double b = doubles[--dc];
        double a = doubles[--dc];
        double a_t4 = doubles[--dc];
        double a_t3 = doubles[--dc];
        int a_t1 = ints[--ic];
        int i_2 = ints[--ic];
        double d_sum_3 = d_sum_2;
        d_sum_2 = 0.0;
        d_sum_2 += d_sum_3;
        double d_sum_t4 = d_sum_3;
        double d_sum_t2 = d_sum_t4;
        double d_sum_t3 = d_sum_t4;
        double d_b = d_sum_t3 * b;
        d_b += d_sum_t3 * b;
        double d_sum_t1 = d_sum_t2 * a;
        double d_a = d_sum_t2 * sum_t1;
        d_a += d_sum_t1 * 100;
        double d_b_t1 = -d_b;
        gradX[i_2] += d_b_t1;
        double d_a_t2 = d_a;
        double d_a_t5 = -d_a;
        double d_a_t3 = d_a_t5 * a_t4;
        double d_a_t4 = d_a_t5 * a_t3;
        gradX[i_2] += d_a_t4;
        gradX[i_2] += d_a_t3;
        gradX[a_t1] += d_a_t2;
      }
    }

    @Override
    public void zeroGrad() {
      if (gradX != null) {
        Arrays.fill(gradX, 0.0);
      }
    }

    @Override
    public double[] gradient() {
      return gradX;
    }
  }

  /** The generated code with the {@link Tape}, pushing only a and x[i]. */
  static final class MinimalTape implements Variant {
    private final Tape tape = new Tape();
    private int iterations;
    double[] gradX;

    @Override
    public double forward(double[] x) {
      tape.clear();
      if (gradX == null || gradX.length != x.length) {
        gradX = new double[x.length];
      }
      double sum_2 = 0.0;
      int i_2 = 0;
      iterations = 0;
      while (i_2 < x.length - 1) {
        int a_t1 = i_2 + 1;
        double a_t2 = x[a_t1];
        double a_t3 = x[i_2];
        double a_t5 = a_t3 * a_t3;
        double a = a_t2 - a_t5;
        double b = 1 - a_t3;
        double sum_t1 = 100 * a;
        double sum_t2 = sum_t1 * a;
        double sum_t3 = b * b;
        double sum_t4 = sum_t2 + sum_t3;
        double sum_3 = sum_2 + sum_t4;
        int i_3 = i_2 + 1;
        tape.push(a_t3);
        tape.push(a);
        iterations++;
        sum_2 = sum_3;
        i_2 = i_3;
      }
      return sum_2;
    }

    @Override
    public void backward() {
      tape.rewind();
      double d_sum_2 = 1.0;
      for (int pass = iterations; pass > 0; pass--) {
        double a = tape.popDouble();
        double a_t3 = tape.popDouble();
        int i_2 = pass - 1;
        int a_t1 = i_2 + 1;
        double b = 1 - a_t3;
        double sum_t1 = 100 * a;
        double d_sum_3 = d_sum_2;
        double d_b = d_sum_3 * b;
        d_b += d_sum_3 * b;
        double d_sum_t1 = d_sum_3 * a;
        double d_a = d_sum_3 * sum_t1;
        d_a += d_sum_t1 * 100;
        double d_a_t5 = -d_a;
        gradX[i_2] += -d_b + d_a_t5 * a_t3 + d_a_t5 * a_t3;
        gradX[a_t1] += d_a;
      }
    }

    @Override
    public void zeroGrad() {
      if (gradX != null) {
        Arrays.fill(gradX, 0.0);
      }
    }

    @Override
    public double[] gradient() {
      return gradX;
    }
  }

  /** No tape: backward reads x again, last element first. */
  static final class Recompute implements Variant {
    private double[] x;
    double[] gradX;

    @Override
    public double forward(double[] x) {
      this.x = x;
      if (gradX == null || gradX.length != x.length) {
        gradX = new double[x.length];
      }
      return Rosenbrock.rosenbrock(x);
    }

    @Override
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

    @Override
    public void zeroGrad() {
      if (gradX != null) {
        Arrays.fill(gradX, 0.0);
      }
    }

    @Override
    public double[] gradient() {
      return gradX;
    }
  }
}
