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
 * <p>It times the generated workspace's {@code forward} and {@code backward} on their own, and two
 * hand-edited copies of the generated code, each changing one thing:
 *
 * <ul>
 *   <li>{@link NoDataGradient}: without the partials of the data, {@code xs} and {@code ys}, which
 *       the generated code computes because they are {@code double[]} parameters and nobody reads:
 *       one multiply and one read-modify-write of {@code gradXs} per weight of each sample, and the
 *       index pushed for it.
 *   <li>{@link ArrayTape}: the generated code's pushes and pops into plain arrays through local
 *       counters, sized up front: what the {@link Tape} object's checks and field traffic cost.
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
public class MlpCostBenchmark {
  private double[] w;
  private double[] grad;
  private Mlp workload;
  private double[] xs;
  private double[] ys;
  private final Mlp_loss generated = new Mlp_loss();
  private final Mlp_loss recorded = new Mlp_loss();
  private final NoDataGradient noDataGradient = new NoDataGradient();
  private final ArrayTape arrayTape = new ArrayTape();

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

  /** What GradientBenchmark.reverse times: zeroGrad, forward, backward and the copy. */
  @Benchmark
  public double[] reverse() {
    workload.reverse(w, grad);
    return grad;
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

  @Benchmark
  public double[] noDataGradient() {
    noDataGradient.zeroGrad();
    noDataGradient.forward(w, xs, ys);
    noDataGradient.backward();
    return noDataGradient.gradW;
  }

  @Benchmark
  public double[] arrayTape() {
    arrayTape.zeroGrad();
    arrayTape.forward(w, xs, ys);
    arrayTape.backward();
    return arrayTape.gradW;
  }

  /** A variant's gradient with respect to w, for the test: zeroGrad, forward, backward. */
  static double[] gradient(String variant, double[] w, double[] xs, double[] ys) {
    return switch (variant) {
      case "noDataGradient" -> {
        NoDataGradient v = new NoDataGradient();
        v.zeroGrad();
        v.forward(w, xs, ys);
        v.backward();
        yield v.gradW;
      }
      case "arrayTape" -> {
        ArrayTape v = new ArrayTape();
        v.zeroGrad();
        v.forward(w, xs, ys);
        v.backward();
        yield v.gradW;
      }
      default -> throw new IllegalArgumentException(variant);
    };
  }

  /** The generated code without gradXs and gradYs, and without the index pushed for gradXs. */
  static final class NoDataGradient {
    private int iterations;
    private int loss_t1;
    private final Tape tape = new Tape();
    double[] gradW;

    double forward(double[] w, double[] xs, double[] ys) {
      tape.clear();
      if (gradW == null || gradW.length != w.length) {
        gradW = new double[w.length];
      }
      double sum_2 = 0;
      int s_2 = 0;
      iterations = 0;
      while (s_2 < ys.length) {
        int out_t1 = Mlp.OUTPUT + Mlp.HIDDEN;
        double out_2 = w[out_t1];
        int j_2 = 0;
        int iterations_2 = 0;
        while (j_2 < Mlp.HIDDEN) {
          int z_t1 = j_2 * Mlp.ROW;
          int z_t2 = z_t1 + Mlp.INPUTS;
          double z_2 = w[z_t2];
          int k_2 = 0;
          int iterations_3 = 0;
          while (k_2 < Mlp.INPUTS) {
            int z_t3 = j_2 * Mlp.ROW;
            int z_t4 = z_t3 + k_2;
            double z_t5 = w[z_t4];
            int z_t6 = s_2 * Mlp.INPUTS;
            int z_t7 = z_t6 + k_2;
            double z_t8 = xs[z_t7];
            double z_t9 = z_t5 * z_t8;
            double z_3 = z_2 + z_t9;
            int k_3 = k_2 + 1;
            tape.push(z_t4);
            tape.push(z_t8);
            iterations_3++;
            z_2 = z_3;
            k_2 = k_3;
          }
          int out_t2 = Mlp.OUTPUT + j_2;
          double out_t3 = w[out_t2];
          double out_t4 = Math.tanh(z_2);
          double out_t5 = out_t3 * out_t4;
          double out_3 = out_2 + out_t5;
          int j_3 = j_2 + 1;
          tape.push(z_t2);
          tape.push(iterations_3);
          tape.push(out_t2);
          tape.push(out_t3);
          tape.push(out_t4);
          iterations_2++;
          out_2 = out_3;
          j_2 = j_3;
        }
        double error_t1 = ys[s_2];
        double error = out_2 - error_t1;
        double sum_t1 = error * error;
        double sum_3 = sum_2 + sum_t1;
        int s_3 = s_2 + 1;
        tape.push(out_t1);
        tape.push(iterations_2);
        tape.push(error);
        iterations++;
        sum_2 = sum_3;
        s_2 = s_3;
      }
      loss_t1 = ys.length;
      return sum_2 / loss_t1;
    }

    void backward() {
      tape.rewind();
      double d_sum_2 = 1.0 / loss_t1;
      for (int pass = iterations; pass > 0; pass--) {
        double error = tape.popDouble();
        int iterations_2 = tape.popInt();
        int out_t1 = tape.popInt();
        double d_sum_3 = d_sum_2;
        double d_error = d_sum_3 * error;
        d_error += d_sum_3 * error;
        double d_out_2 = d_error;
        for (int pass_2 = iterations_2; pass_2 > 0; pass_2--) {
          double out_t4 = tape.popDouble();
          double out_t3 = tape.popDouble();
          int out_t2 = tape.popInt();
          int iterations_3 = tape.popInt();
          int z_t2 = tape.popInt();
          double d_out_3 = d_out_2;
          double d_out_t3 = d_out_3 * out_t4;
          double d_out_t4 = d_out_3 * out_t3;
          double d_z_2 = d_out_t4 * (1.0 - out_t4 * out_t4);
          gradW[out_t2] += d_out_t3;
          for (int pass_3 = iterations_3; pass_3 > 0; pass_3--) {
            double z_t8 = tape.popDouble();
            int z_t4 = tape.popInt();
            gradW[z_t4] += d_z_2 * z_t8;
          }
          gradW[z_t2] += d_z_2;
        }
        gradW[out_t1] += d_out_2;
      }
    }

    void zeroGrad() {
      if (gradW != null) {
        Arrays.fill(gradW, 0.0);
      }
    }
  }

  /** The generated code, gradXs and gradYs included, with arrays for a tape. */
  static final class ArrayTape {
    private int iterations;
    private int loss_t1;
    private double[] doubles = new double[0];
    private int[] ints = new int[0];
    private int doubleCount;
    private int intCount;
    double[] gradW;
    double[] gradXs;
    double[] gradYs;

    double forward(double[] w, double[] xs, double[] ys) {
      if (gradW == null || gradW.length != w.length) {
        gradW = new double[w.length];
      }
      if (gradXs == null || gradXs.length != xs.length) {
        gradXs = new double[xs.length];
      }
      if (gradYs == null || gradYs.length != ys.length) {
        gradYs = new double[ys.length];
      }
      int passes = ys.length * Mlp.HIDDEN * (Mlp.INPUTS + 1) + ys.length;
      if (doubles.length < 3 * passes) {
        doubles = new double[3 * passes];
        ints = new int[3 * passes];
      }
      double[] doubles = this.doubles;
      int[] ints = this.ints;
      int dc = 0;
      int ic = 0;
      double sum_2 = 0;
      int s_2 = 0;
      int iterations = 0;
      while (s_2 < ys.length) {
        int out_t1 = Mlp.OUTPUT + Mlp.HIDDEN;
        double out_2 = w[out_t1];
        int j_2 = 0;
        int iterations_2 = 0;
        while (j_2 < Mlp.HIDDEN) {
          int z_t1 = j_2 * Mlp.ROW;
          int z_t2 = z_t1 + Mlp.INPUTS;
          double z_2 = w[z_t2];
          int k_2 = 0;
          int iterations_3 = 0;
          while (k_2 < Mlp.INPUTS) {
            int z_t3 = j_2 * Mlp.ROW;
            int z_t4 = z_t3 + k_2;
            double z_t5 = w[z_t4];
            int z_t6 = s_2 * Mlp.INPUTS;
            int z_t7 = z_t6 + k_2;
            double z_t8 = xs[z_t7];
            double z_t9 = z_t5 * z_t8;
            double z_3 = z_2 + z_t9;
            int k_3 = k_2 + 1;
            ints[ic++] = z_t4;
            doubles[dc++] = z_t5;
            ints[ic++] = z_t7;
            doubles[dc++] = z_t8;
            iterations_3++;
            z_2 = z_3;
            k_2 = k_3;
          }
          int out_t2 = Mlp.OUTPUT + j_2;
          double out_t3 = w[out_t2];
          double out_t4 = Math.tanh(z_2);
          double out_t5 = out_t3 * out_t4;
          double out_3 = out_2 + out_t5;
          int j_3 = j_2 + 1;
          ints[ic++] = z_t2;
          ints[ic++] = iterations_3;
          ints[ic++] = out_t2;
          doubles[dc++] = out_t3;
          doubles[dc++] = out_t4;
          iterations_2++;
          out_2 = out_3;
          j_2 = j_3;
        }
        double error_t1 = ys[s_2];
        double error = out_2 - error_t1;
        double sum_t1 = error * error;
        double sum_3 = sum_2 + sum_t1;
        int s_3 = s_2 + 1;
        ints[ic++] = s_2;
        ints[ic++] = out_t1;
        ints[ic++] = iterations_2;
        doubles[dc++] = error;
        iterations++;
        sum_2 = sum_3;
        s_2 = s_3;
      }
      this.iterations = iterations;
      this.doubleCount = dc;
      this.intCount = ic;
      loss_t1 = ys.length;
      return sum_2 / loss_t1;
    }

    void backward() {
      double[] doubles = this.doubles;
      int[] ints = this.ints;
      int dc = doubleCount;
      int ic = intCount;
      double d_sum_2 = 1.0 / loss_t1;
      for (int pass = iterations; pass > 0; pass--) {
        double error = doubles[--dc];
        int iterations_2 = ints[--ic];
        int out_t1 = ints[--ic];
        int s_2 = ints[--ic];
        double d_sum_3 = d_sum_2;
        double d_error = d_sum_3 * error;
        d_error += d_sum_3 * error;
        double d_out_2 = d_error;
        gradYs[s_2] += -d_error;
        for (int pass_2 = iterations_2; pass_2 > 0; pass_2--) {
          double out_t4 = doubles[--dc];
          double out_t3 = doubles[--dc];
          int out_t2 = ints[--ic];
          int iterations_3 = ints[--ic];
          int z_t2 = ints[--ic];
          double d_out_3 = d_out_2;
          double d_out_t3 = d_out_3 * out_t4;
          double d_out_t4 = d_out_3 * out_t3;
          double d_z_2 = d_out_t4 * (1.0 - out_t4 * out_t4);
          gradW[out_t2] += d_out_t3;
          for (int pass_3 = iterations_3; pass_3 > 0; pass_3--) {
            double z_t8 = doubles[--dc];
            int z_t7 = ints[--ic];
            double z_t5 = doubles[--dc];
            int z_t4 = ints[--ic];
            gradXs[z_t7] += d_z_2 * z_t5;
            gradW[z_t4] += d_z_2 * z_t8;
          }
          gradW[z_t2] += d_z_2;
        }
        gradW[out_t1] += d_out_2;
      }
    }

    void zeroGrad() {
      if (gradW != null) {
        Arrays.fill(gradW, 0.0);
        Arrays.fill(gradXs, 0.0);
        Arrays.fill(gradYs, 0.0);
      }
    }
  }
}
