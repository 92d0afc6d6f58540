package dev.chainrule.benchmarks;

import dev.chainrule.Differentiable;
import dev.chainrule.autograd.Value;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * A long scalar chain: 105 operations (mul, div, add, sub, sin, exp, log, pow) over four inputs, in
 * seven rounds of the same fifteen operations with a different exponent {@code Q[k]} and divisor
 * {@code K[k]} in each. A round maps any real {@code t} to a bounded one, so the chain is defined
 * and its gradient moderate for all inputs:
 *
 * <pre>
 * u = sin(t·a + b)        e = exp(u·c)        v = e / (1 + d²)
 * w = log(1 + v)          t' = (w + 0.5)^Q[k] · d − u / K[k]       (w + 0.5 > 0.5)
 * </pre>
 *
 * <p>The first round starts from {@code t = a}. The {@code @Differentiable} method is written out
 * in full, as the straight-line code the processor supports today.
 */
public final class Chain implements Workload {
  @Differentiable
  static double chain(double a, double b, double c, double d) {
    double u1 = Math.sin(a * a + b);
    double e1 = Math.exp(u1 * c);
    double v1 = e1 / (1 + d * d);
    double w1 = Math.log(1 + v1);
    double t1 = Math.pow(w1 + 0.5, 1.5) * d - u1 / 2.0;

    double u2 = Math.sin(t1 * a + b);
    double e2 = Math.exp(u2 * c);
    double v2 = e2 / (1 + d * d);
    double w2 = Math.log(1 + v2);
    double t2 = Math.pow(w2 + 0.5, 0.5) * d - u2 / 3.0;

    double u3 = Math.sin(t2 * a + b);
    double e3 = Math.exp(u3 * c);
    double v3 = e3 / (1 + d * d);
    double w3 = Math.log(1 + v3);
    double t3 = Math.pow(w3 + 0.5, 2.5) * d - u3 / 4.0;

    double u4 = Math.sin(t3 * a + b);
    double e4 = Math.exp(u4 * c);
    double v4 = e4 / (1 + d * d);
    double w4 = Math.log(1 + v4);
    double t4 = Math.pow(w4 + 0.5, 1.25) * d - u4 / 2.5;

    double u5 = Math.sin(t4 * a + b);
    double e5 = Math.exp(u5 * c);
    double v5 = e5 / (1 + d * d);
    double w5 = Math.log(1 + v5);
    double t5 = Math.pow(w5 + 0.5, 0.75) * d - u5 / 3.5;

    double u6 = Math.sin(t5 * a + b);
    double e6 = Math.exp(u6 * c);
    double v6 = e6 / (1 + d * d);
    double w6 = Math.log(1 + v6);
    double t6 = Math.pow(w6 + 0.5, 2.0) * d - u6 / 5.0;

    double u7 = Math.sin(t6 * a + b);
    double e7 = Math.exp(u7 * c);
    double v7 = e7 / (1 + d * d);
    double w7 = Math.log(1 + v7);
    double t7 = Math.pow(w7 + 0.5, 1.75) * d - u7 / 1.5;
    return t7;
  }

  /** Each round's exponent and divisor, as written in {@link #chain}. */
  private static final double[] Q = {1.5, 0.5, 2.5, 1.25, 0.75, 2.0, 1.75};

  private static final double[] K = {2.0, 3.0, 4.0, 2.5, 3.5, 5.0, 1.5};

  private static final int ROUNDS = Q.length;

  private final Chain_chain workspace = new Chain_chain();

  /** The hand-written gradient's tape: what each round's adjoint needs from the forward pass. */
  private final double[] tIn = new double[ROUNDS];

  private final double[] cosZ = new double[ROUNDS];
  private final double[] u = new double[ROUNDS];
  private final double[] e = new double[ROUNDS];
  private final double[] v = new double[ROUNDS];
  private final double[] g = new double[ROUNDS];
  private final double[] p = new double[ROUNDS];

  @Override
  public int inputs() {
    return 4;
  }

  @Override
  public double primal(double[] x) {
    return chain(x[0], x[1], x[2], x[3]);
  }

  /**
   * Reverse mode by hand, as a programmer would write it: a loop over the rounds that keeps what
   * the adjoints need in preallocated arrays, then a loop back. It uses {@code Q·p / g} for the
   * derivative of {@code g^Q}, reusing the power computed forward.
   */
  @Override
  public void handWritten(double[] x, double[] grad) {
    double a = x[0];
    double b = x[1];
    double c = x[2];
    double d = x[3];
    double m = 1 + d * d;
    double t = a;
    for (int k = 0; k < ROUNDS; k++) {
      double z = t * a + b;
      tIn[k] = t;
      cosZ[k] = Math.cos(z);
      u[k] = Math.sin(z);
      e[k] = Math.exp(u[k] * c);
      v[k] = e[k] / m;
      g[k] = Math.log(1 + v[k]) + 0.5;
      p[k] = Math.pow(g[k], Q[k]);
      t = p[k] * d - u[k] / K[k];
    }
    double dt = 1;
    double da = 0;
    double db = 0;
    double dc = 0;
    double dd = 0;
    double dm = 0;
    for (int k = ROUNDS - 1; k >= 0; k--) {
      dd += dt * p[k];
      double du = -dt / K[k];
      double dv = dt * d * Q[k] * p[k] / g[k] / (1 + v[k]);
      double de = dv / m;
      dm -= dv * v[k] / m;
      double dExponent = de * e[k];
      du += dExponent * c;
      dc += dExponent * u[k];
      double dz = du * cosZ[k];
      dt = dz * a;
      da += dz * tIn[k];
      db += dz;
    }
    grad[0] = da + dt;
    grad[1] = db;
    grad[2] = dc;
    grad[3] = dd + dm * 2 * d;
  }

  @Override
  public void value(double[] x, double[] grad) {
    Value a = new Value(x[0]);
    Value b = new Value(x[1]);
    Value c = new Value(x[2]);
    Value d = new Value(x[3]);
    Value t = a;
    for (int k = 0; k < ROUNDS; k++) {
      Value uk = t.mul(a).add(b).sin();
      Value ek = uk.mul(c).exp();
      Value vk = ek.div(d.mul(d).add(1));
      Value wk = vk.add(1).log();
      t = wk.add(0.5).pow(Q[k]).mul(d).sub(uk.div(K[k]));
    }
    t.backward();
    grad[0] = a.grad();
    grad[1] = b.grad();
    grad[2] = c.grad();
    grad[3] = d.grad();
  }

  @Override
  public void hipparchus(double[] x, double[] grad) {
    Gradient a = Gradient.variable(4, 0, x[0]);
    Gradient b = Gradient.variable(4, 1, x[1]);
    Gradient c = Gradient.variable(4, 2, x[2]);
    Gradient d = Gradient.variable(4, 3, x[3]);
    Gradient t = a;
    for (int k = 0; k < ROUNDS; k++) {
      Gradient uk = t.multiply(a).add(b).sin();
      Gradient ek = uk.multiply(c).exp();
      Gradient vk = ek.divide(d.multiply(d).add(1));
      Gradient wk = vk.add(1).log();
      t = wk.add(0.5).pow(Q[k]).multiply(d).subtract(uk.divide(K[k]));
    }
    for (int i = 0; i < 4; i++) {
      grad[i] = t.getPartialDerivative(i);
    }
  }

  @Override
  public void forwardMode(double[] x, double[] grad) {
    grad[0] = Chain_chain.tangent(x[0], x[1], x[2], x[3], 1, 0, 0, 0);
    grad[1] = Chain_chain.tangent(x[0], x[1], x[2], x[3], 0, 1, 0, 0);
    grad[2] = Chain_chain.tangent(x[0], x[1], x[2], x[3], 0, 0, 1, 0);
    grad[3] = Chain_chain.tangent(x[0], x[1], x[2], x[3], 0, 0, 0, 1);
  }

  @Override
  public double[] reverse(double[] x, double[] grad) {
    workspace.zeroGrad();
    workspace.forward(x[0], x[1], x[2], x[3]);
    workspace.backward();
    grad[0] = workspace.gradA();
    grad[1] = workspace.gradB();
    grad[2] = workspace.gradC();
    grad[3] = workspace.gradD();
    return grad;
  }
}
