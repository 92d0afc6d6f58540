package dev.chainrule.benchmarks;

import dev.chainrule.Differentiable;
import dev.chainrule.autograd.Value;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The n-dimensional Rosenbrock function, Σ_{i<n−1} 100·(x[i+1] − x[i]²)² + (1 − x[i])², as one
 * workload per n ({@code rosenbrock-10} … {@code rosenbrock-10000}), with respect to all n elements
 * of {@code x}.
 *
 * <p>It is the test of how each way of computing a gradient grows with the number of inputs: the
 * function costs O(n), and so does a reverse-mode gradient (one forward and one backward pass),
 * while forward mode needs one pass per input, O(n²) in all — chainrule's {@code tangent} called
 * once per input, and Hipparchus' {@code Gradient}, which carries an n-element gradient through
 * every operation.
 */
public final class Rosenbrock implements Workload {
  @Differentiable
  static double rosenbrock(double[] x) {
    double sum = 0.0;
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      sum += 100 * a * a + b * b;
    }
    return sum;
  }

  private final int n;
  private final Rosenbrock_rosenbrock workspace = new Rosenbrock_rosenbrock();

  /** Forward mode's direction: one-hot, at the input whose partial is being computed. */
  private final double[] direction;

  public Rosenbrock(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("Rosenbrock needs at least 2 inputs, got " + n);
    }
    this.n = n;
    this.direction = new double[n];
  }

  @Override
  public int inputs() {
    return n;
  }

  @Override
  public double primal(double[] x) {
    return rosenbrock(x);
  }

  /**
   * The analytic gradient in one pass, as a programmer would write it: term i adds −400·a·x[i] −
   * 2·b to ∂/∂x[i] and 200·a to ∂/∂x[i+1].
   */
  @Override
  public void handWritten(double[] x, double[] grad) {
    grad[0] = 0;
    for (int i = 0; i < n - 1; i++) {
      double xi = x[i];
      double a = x[i + 1] - xi * xi;
      double b = 1 - xi;
      grad[i] += -400 * a * xi - 2 * b;
      grad[i + 1] = 200 * a;
    }
  }

  @Override
  public void value(double[] x, double[] grad) {
    Value[] v = new Value[n];
    for (int i = 0; i < n; i++) {
      v[i] = new Value(x[i]);
    }
    Value sum = new Value(0);
    for (int i = 0; i < n - 1; i++) {
      Value a = v[i + 1].sub(v[i].mul(v[i]));
      Value b = v[i].neg().add(1);
      sum = sum.add(a.mul(100).mul(a).add(b.mul(b)));
    }
    sum.backward();
    for (int i = 0; i < n; i++) {
      grad[i] = v[i].grad();
    }
  }

  /**
   * Hipparchus' forward mode: every value carries its gradient with respect to all n inputs, so
   * each operation costs O(n). Each input's variable is made when the loop first reads it rather
   * than all n up front, which would keep n² doubles alive at once (800 MB at n = 10000).
   */
  @Override
  public void hipparchus(double[] x, double[] grad) {
    Gradient sum = Gradient.constant(n, 0);
    Gradient xi = Gradient.variable(n, 0, x[0]);
    for (int i = 0; i < n - 1; i++) {
      Gradient next = Gradient.variable(n, i + 1, x[i + 1]);
      Gradient a = next.subtract(xi.multiply(xi));
      Gradient b = xi.negate().add(1);
      sum = sum.add(a.multiply(100).multiply(a).add(b.multiply(b)));
      xi = next;
    }
    for (int i = 0; i < n; i++) {
      grad[i] = sum.getPartialDerivative(i);
    }
  }

  /** One {@code tangent} call per input, along that input's axis: n passes over n elements. */
  @Override
  public void forwardMode(double[] x, double[] grad) {
    for (int i = 0; i < n; i++) {
      direction[i] = 1;
      grad[i] = Rosenbrock_rosenbrock.tangent(x, direction);
      direction[i] = 0;
    }
  }

  @Override
  public double[] reverse(double[] x, double[] grad) {
    workspace.zeroGrad();
    workspace.forward(x);
    workspace.backward();
    return workspace.gradX();
  }
}
