package dev.chainrule.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * The cost benchmarks' methods timed interleaved in one JVM, for a machine shared with other work.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chainrule.benchmarks.CostBreakdown rosenbrock-1000
 * java -cp benchmarks/target/benchmarks.jar dev.chainrule.benchmarks.CostBreakdown mlp
 * </pre>
 *
 * <p>JMH runs {@link RosenbrockCostBenchmark}'s and {@link MlpCostBenchmark}'s methods one after
 * another, each in its own JVM, so on a machine whose other load comes and goes, two variants are
 * measured under different conditions. Here every round times each variant in turn, after one
 * untimed call that brings its data back into the caches, and the table reports the minimum and the
 * median over the rounds: a comparison of variants under the same conditions. JMH's numbers remain
 * the reference for absolute times; run one workload per JVM, as the JIT's code for the generated
 * methods depends on what ran before it.
 */
public final class CostBreakdown {
  private CostBreakdown() {}

  private static double sink;

  private record Variant(String name, DoubleSupplier call) {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: CostBreakdown rosenbrock-N|mlp [rounds]");
      System.exit(2);
    }
    int rounds = args.length == 2 ? Integer.parseInt(args[1]) : 100;
    System.out.print(table(args[0], rounds, 2_000_000_000L));
  }

  /** The table for {@code workload}, after {@code warmUpNanos} of interleaved warm-up. */
  static String table(String workload, int rounds, long warmUpNanos) {
    List<Variant> variants = variants(workload);
    int[] calls = new int[variants.size()];
    for (int i = 0; i < calls.length; i++) {
      run(variants.get(i), warmUpNanos / 100); // the JIT's first pass
      calls[i] = Math.max(5, run(variants.get(i), 2_000_000L) / 2); // about 1 ms a round
    }
    long end = System.nanoTime() + warmUpNanos;
    while (System.nanoTime() < end) {
      for (int i = 0; i < calls.length; i++) {
        repeat(variants.get(i), calls[i]);
      }
    }
    double[][] nanos = new double[calls.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < calls.length; i++) {
        Variant v = variants.get(i);
        sink += v.call().getAsDouble();
        long start = System.nanoTime();
        repeat(v, calls[i]);
        nanos[i][round] = (System.nanoTime() - start) / (double) calls[i];
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s, %d rounds, ns per call%n", workload, rounds));
    out.append(String.format(Locale.ROOT, "%-20s %12s %12s%n", "variant", "min", "median"));
    for (int i = 0; i < calls.length; i++) {
      double[] sorted = nanos[i].clone();
      Arrays.sort(sorted);
      out.append(
          String.format(
              Locale.ROOT,
              "%-20s %12.1f %12.1f%n",
              variants.get(i).name(),
              sorted[0],
              sorted[rounds / 2]));
    }
    if (sink == 42) {
      out.append(' ');
    }
    return out.toString();
  }

  private static List<Variant> variants(String workload) {
    List<Variant> variants = new ArrayList<>();
    if (workload.equals("mlp")) {
      MlpCostBenchmark b = new MlpCostBenchmark();
      b.setUp();
      variants.add(new Variant("primal", b::primal));
      variants.add(new Variant("handWritten", () -> b.handWritten()[0]));
      variants.add(new Variant("reverse", () -> b.reverse()[0]));
      variants.add(new Variant("generatedForward", b::generatedForward));
      variants.add(new Variant("generatedBackward", () -> b.generatedBackward()[0]));
    } else if (workload.startsWith("rosenbrock-")) {
      RosenbrockCostBenchmark b = new RosenbrockCostBenchmark();
      b.n = Integer.parseInt(workload.substring("rosenbrock-".length()));
      b.setUp();
      variants.add(new Variant("primal", b::primal));
      variants.add(new Variant("handWritten", () -> b.handWritten()[0]));
      variants.add(new Variant("reverse", () -> b.reverse()[0]));
      variants.add(new Variant("generated", () -> b.generated()[0]));
      variants.add(new Variant("generatedForward", b::generatedForward));
      variants.add(new Variant("generatedBackward", () -> b.generatedBackward()[0]));
      variants.add(new Variant("generatedZeroGrad", () -> b.generatedZeroGrad()[0]));
      variants.add(new Variant("recompute", () -> b.recompute()[0]));
    } else {
      throw new IllegalArgumentException("rosenbrock-N or mlp, not " + workload);
    }
    return variants;
  }

  /** Calls v for about {@code nanos} and returns how many calls that was. */
  private static int run(Variant v, long nanos) {
    long start = System.nanoTime();
    int calls = 0;
    while (System.nanoTime() - start < nanos) {
      sink += v.call().getAsDouble();
      calls++;
    }
    return calls;
  }

  private static void repeat(Variant v, int calls) {
    for (int k = 0; k < calls; k++) {
      sink += v.call().getAsDouble();
    }
  }
}
