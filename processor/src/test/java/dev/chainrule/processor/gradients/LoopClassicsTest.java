package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The loop classics of {@code inputs/Loops.java} against gradients derived by hand, at random
 * points of random lengths, including lengths and values the shared harness does not sample (longer
 * arrays, negative elements): the shared tests compare with finite differences; these compare with
 * calculus.
 */
class LoopClassicsTest {
  private static final int POINTS = 6;
  private final SplittableRandom random = new SplittableRandom(20261129);

  @Test
  void dotProductGradientIsTheOtherVector() {
    DifferentiableMethod dot = CompiledInputs.method("Loops.dot");
    for (int p = 0; p < POINTS; p++) {
      int n = 1 + random.nextInt(12);
      double[] w = gaussian(n);
      double[] x = gaussian(n);
      assertClose(concat(x, w), dot.gradient(new Point(w, x)), "dot at n = " + n);
    }
  }

  @Test
  void hornerGradientIsThePowersAndTheDerivativePolynomial() {
    DifferentiableMethod horner = CompiledInputs.method("Loops.horner");
    for (int p = 0; p < POINTS; p++) {
      int n = 1 + random.nextInt(8);
      double[] c = gaussian(n);
      double x = random.nextDouble(-1.5, 1.5);
      double[] expected = new double[n + 1];
      double derivative = 0;
      for (int i = 0; i < n; i++) {
        expected[i] = Math.pow(x, i);
        derivative += i == 0 ? 0 : i * c[i] * Math.pow(x, i - 1);
      }
      expected[n] = derivative;
      assertClose(expected, horner.gradient(new Point(c, x)), "horner of degree " + (n - 1));
    }
  }

  @Test
  void rosenbrockGradientMatchesItsClosedForm() {
    DifferentiableMethod rosenbrock = CompiledInputs.method("Loops.rosenbrock");
    for (int p = 0; p < POINTS; p++) {
      int n = 2 + random.nextInt(30);
      double[] x = gaussian(n);
      double[] expected = new double[n];
      for (int i = 0; i < n - 1; i++) {
        double a = x[i + 1] - x[i] * x[i];
        expected[i] += -400 * x[i] * a - 2 * (1 - x[i]);
        expected[i + 1] += 200 * a;
      }
      assertClose(expected, rosenbrock.gradient(new Point(x)), "rosenbrock at n = " + n);
    }
  }

  @Test
  void logSumExpGradientIsSoftmax() {
    DifferentiableMethod logSumExp = CompiledInputs.method("Loops.logSumExp");
    for (int p = 0; p < POINTS; p++) {
      double[] xs = gaussian(1 + random.nextInt(10));
      assertClose(softmax(xs), logSumExp.gradient(new Point((Object) xs)), "logSumExp");
    }
  }

  @Test
  void crossEntropyGradientIsSoftmaxMinusOneHot() {
    DifferentiableMethod crossEntropy = CompiledInputs.method("Loops.softmaxCrossEntropy");
    for (int p = 0; p < POINTS; p++) {
      double[] logits = gaussian(2 + random.nextInt(8));
      int label = random.nextInt(logits.length);
      double[] expected = softmax(logits);
      expected[label] -= 1;
      assertClose(
          expected,
          crossEntropy.gradient(new Point(logits, new int[] {label})),
          "cross-entropy with label " + label);
    }
  }

  @Test
  void newtonSquareRootHasTheSquareRootsDerivative() {
    DifferentiableMethod newton = CompiledInputs.method("Loops.newtonSqrt");
    for (int p = 0; p < POINTS; p++) {
      double a = random.nextDouble(0.1, 100);
      assertClose(
          new double[] {0.5 / Math.sqrt(a)}, newton.gradient(new Point(a)), "newton at " + a);
    }
  }

  @Test
  void earlyReturnDifferentiatesThePathTaken() {
    DifferentiableMethod early = CompiledInputs.method("Loops.earlyReturn");
    for (int p = 0; p < POINTS; p++) {
      double[] xs = gaussian(4);
      double w = random.nextGaussian();
      int n = random.nextInt(-1, 6);
      // Returns (w Σ_{i≤n} xs[i])² if n indexes xs, else w Σ xs[i].
      boolean returns = n >= 0 && n < xs.length;
      int last = returns ? n : xs.length - 1;
      double sum = 0;
      for (int i = 0; i <= last; i++) {
        sum += xs[i];
      }
      double[] expected = new double[xs.length + 1];
      for (int i = 0; i <= last; i++) {
        expected[i] = returns ? 2 * w * sum * w : w;
      }
      expected[xs.length] = returns ? 2 * w * sum * sum : sum;
      assertClose(expected, early.gradient(new Point(xs, w, n)), "earlyReturn with n = " + n);
    }
  }

  private double[] gaussian(int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble(-2, 2);
    }
    return values;
  }

  private static double[] softmax(double[] xs) {
    double max = Arrays.stream(xs).max().orElseThrow();
    double[] exp = Arrays.stream(xs).map(x -> Math.exp(x - max)).toArray();
    double sum = Arrays.stream(exp).sum();
    return Arrays.stream(exp).map(e -> e / sum).toArray();
  }

  private static double[] concat(double[] a, double[] b) {
    double[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": gradient length");
    for (int i = 0; i < expected.length; i++) {
      double tolerance = 1e-10 * Math.max(1, Math.abs(expected[i]));
      assertEquals(expected[i], actual[i], tolerance, what + ", coordinate " + i);
    }
  }
}
