package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.SingleSource;
import java.lang.reflect.Method;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code double[]} and {@code int[]} parameters beyond what the inputs' array methods show in the
 * shared property tests: a probe mixing two arrays, an int[] index and a double, at Gaussian points
 * with negative elements, checked element by element against central finite differences, tangents
 * and graph(); and what the shared harness hides on purpose, since it copies gradients out: {@code
 * gradXs()} is the workspace's own array, accumulated and zeroed in place, kept while the
 * argument's length stays and replaced when it changes.
 */
class ArrayParametersTest {
  private static final String SOURCE =
      """
      package probe;

      import dev.chainrule.Differentiable;

      final class Arrays2 {
        private Arrays2() {}

        @Differentiable
        static double neuron(double[] w, double[] x, int[] pick, double b) {
          double z = w[0] * x[0] + w[1] * x[1] + w[pick[0]] * x.length + b;
          if (w.length > 2 && x[2] > 0) {
            z += Math.tanh(w[2] * x[2]);
          }
          return z * z;
        }
      }
      """;

  private static DifferentiableMethod method;
  private static Class<?> generated;

  @BeforeAll
  static void compile() {
    method = SingleSource.compileOne("probe.Arrays2", SOURCE);
    generated = method.generatedClass();
  }

  private static double original(double[] w, double[] x, int[] pick, double b) throws Exception {
    Method m = method.original();
    m.setAccessible(true);
    return (double) m.invoke(null, w, x, pick, b);
  }

  @Test
  void gradientsMatchFiniteDifferencesElementByElement() throws Exception {
    Random random = new Random(5);
    for (int point = 0; point < 6; point++) {
      double[] w = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      double[] x = {random.nextGaussian(), random.nextGaussian(), 0.2 + random.nextDouble()};
      int[] pick = {random.nextInt(3)};
      double b = random.nextGaussian();
      Object workspace = generated.getConstructor().newInstance();
      double value =
          (double)
              generated
                  .getMethod("forward", double[].class, double[].class, int[].class, double.class)
                  .invoke(workspace, w, x, pick, b);
      assertEquals(original(w, x, pick, b), value, "forward");
      generated.getMethod("backward").invoke(workspace);
      double[] gradW = (double[]) generated.getMethod("gradW").invoke(workspace);
      double[] gradX = (double[]) generated.getMethod("gradX").invoke(workspace);
      assertEquals(3, gradW.length);
      for (int i = 0; i < 3; i++) {
        assertEquals(central(w, i, x, pick, b, true), gradW[i], 1e-6 * (1 + Math.abs(gradW[i])));
        assertEquals(central(w, i, x, pick, b, false), gradX[i], 1e-6 * (1 + Math.abs(gradX[i])));
        double[] direction = new double[3];
        direction[i] = 1;
        double tangent =
            (double)
                generated
                    .getMethod(
                        "tangent",
                        double[].class,
                        double[].class,
                        int[].class,
                        double.class,
                        double[].class,
                        double[].class,
                        double.class)
                    .invoke(null, w, x, pick, b, direction, new double[3], 0.0);
        assertEquals(
            gradW[i], tangent, 1e-12 * (1 + Math.abs(tangent)), "tangent along w[" + i + "]");
        ComputationGraph graph =
            (ComputationGraph)
                generated
                    .getMethod("graph", double[].class, double[].class, int[].class, double.class)
                    .invoke(null, w, x, pick, b);
        assertEquals(gradW[i], graph.node("w[" + i + "]").grad(), 1e-12 * (1 + Math.abs(gradW[i])));
      }
    }
  }

  private static double central(double[] w, int i, double[] x, int[] pick, double b, boolean alongW)
      throws Exception {
    double[] array = alongW ? w : x;
    double h = 1e-6 * Math.max(1, Math.abs(array[i]));
    double[] plus = array.clone();
    double[] minus = array.clone();
    plus[i] += h;
    minus[i] -= h;
    double up = alongW ? original(plus, x, pick, b) : original(w, plus, pick, b);
    double down = alongW ? original(minus, x, pick, b) : original(w, minus, pick, b);
    return (up - down) / (2 * h);
  }

  @Test
  void gradientArraysAccumulateResetAndFollowTheArgumentsLength() throws Exception {
    Object workspace = generated.getConstructor().newInstance();
    Method forward =
        generated.getMethod("forward", double[].class, double[].class, int[].class, double.class);
    Method backward = generated.getMethod("backward");
    double[] w = {0.3, -0.2, 0.5};
    double[] x = {1.0, 2.0, 0.7};
    int[] pick = {2};
    forward.invoke(workspace, w, x, pick, 0.1);
    backward.invoke(workspace);
    double[] once = ((double[]) generated.getMethod("gradW").invoke(workspace)).clone();
    backward.invoke(workspace);
    double[] twice = (double[]) generated.getMethod("gradW").invoke(workspace);
    for (int i = 0; i < 3; i++) {
      assertEquals(2 * once[i], twice[i], 1e-15);
    }
    forward.invoke(workspace, w, x, pick, 0.1);
    assertSame(twice, generated.getMethod("gradW").invoke(workspace), "no new array per call");
    generated.getMethod("zeroGrad").invoke(workspace);
    assertArrayEquals(new double[3], twice);
    forward.invoke(
        workspace, new double[] {0.3, -0.2}, new double[] {1.0, 2.0}, new int[] {1}, 0.1);
    assertEquals(2, ((double[]) generated.getMethod("gradW").invoke(workspace)).length);
  }
}
