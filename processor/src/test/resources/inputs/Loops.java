package inputs;

import dev.chainrule.Differentiable;

/**
 * Loops: counted and general for, enhanced for, while, do/while, nested loops, break, continue,
 * returns inside loops, branches inside loops and loops inside branches, calls inside loops, and
 * the classics of issue 3 (dot product, Horner, Rosenbrock, log-sum-exp, softmax cross-entropy, a
 * small MLP loss over a batch, Newton's iteration). Arrays share one length of 3 to 5 with elements
 * in [0.2, 0.9]; int[] elements are valid indices. Every function is continuous in its double
 * arguments at the sampled points, so finite differences apply.
 */
final class Loops {
  private Loops() {}

  @Differentiable
  static double dot(double[] w, double[] x) {
    double sum = 0.0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i] * x[i];
    }
    return sum;
  }

  /** c[0] + c[1] x + c[2] x² + ..., from the highest coefficient down. */
  @Differentiable
  static double horner(double[] c, double x) {
    double y = 0.0;
    for (int i = c.length - 1; i >= 0; i--) {
      y = y * x + c[i];
    }
    return y;
  }

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

  /** log(Σ exp(xs[i])), shifted by the maximum so that no exp overflows. */
  @Differentiable
  static double logSumExp(double[] xs) {
    double max = xs[0];
    for (double x : xs) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (double x : xs) {
      sum += Math.exp(x - max);
    }
    return max + Math.log(sum);
  }

  /** -log softmax(logits)[label[0]]. */
  @Differentiable
  static double softmaxCrossEntropy(double[] logits, int[] label) {
    double max = logits[0];
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > max) {
        max = logits[i];
      }
    }
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      sum += StrictMath.exp(logits[i] - max);
    }
    return Math.log(sum) + max - logits[label[0]];
  }

  /**
   * Squared error of a 1-2-1 tanh network over a batch: hidden unit j has weight w[j] and the
   * shared bias w[2]; the output weights are w[0] and w[1] again, so every weight gets gradient
   * from two places.
   */
  @Differentiable
  static double mlpLoss(double[] w, double[] xs, double[] ys) {
    double loss = 0;
    for (int b = 0; b < xs.length; b++) {
      double out = 0;
      for (int j = 0; j < 2; j++) {
        double hidden = Math.tanh(w[j] * xs[b] + w[2]);
        out += w[j] * hidden;
      }
      double error = out - ys[b];
      loss += error * error;
    }
    return loss / xs.length;
  }

  /** √a by Newton's iteration, stopping when converged. */
  @Differentiable
  static double newtonSqrt(double a) {
    double x = a;
    int k = 0;
    while (k < 50 && Math.abs(x * x - a) > 1e-15) {
      x = 0.5 * (x + a / x);
      k++;
    }
    return x;
  }

  /** Runs once even when n says never. */
  @Differentiable
  static double doWhile(double x, int n) {
    double y = 1;
    int k = 0;
    do {
      y = y * 0.5 + Math.sin(x * y);
      k++;
    } while (k < n);
    return y;
  }

  /** Each element squared above 0.5 and shifted below, joined continuously at 0.5. */
  @Differentiable
  static double piecewise(double[] xs) {
    double sum = 0;
    for (double v : xs) {
      if (v > 0.5) {
        sum += v * v;
      } else {
        sum += v - 0.25;
      }
    }
    return sum;
  }

  /** Returns the partial sum at index n, if the array reaches it. */
  @Differentiable
  static double earlyReturn(double[] xs, double w, int n) {
    double sum = 0;
    for (int i = 0; i < xs.length; i++) {
      sum += xs[i] * w;
      if (i == n) {
        return sum * sum;
      }
    }
    return sum;
  }

  @Differentiable
  static double breakAndContinue(double[] xs, double scale, int n) {
    double sum = 0;
    for (int i = 0; i < xs.length; i++) {
      if (i == 1) {
        continue;
      }
      if (i > n) {
        break;
      }
      sum += Math.log(xs[i] * scale);
    }
    return sum;
  }

  /** A loop that runs until it returns. */
  @Differentiable
  static double untilReturn(double x, int n) {
    double y = x;
    int k = 0;
    while (true) {
      y = Math.sqrt(y + x);
      k++;
      if (k >= n) {
        return y * k;
      }
    }
  }

  /** A return from the inner of two loops leaves both. */
  @Differentiable
  static double nestedReturn(double[] xs, double t, int n) {
    double acc = t;
    for (int i = 0; i < xs.length; i++) {
      for (int j = 0; j < xs.length; j++) {
        acc = acc * 0.9 + xs[i] * xs[j];
        if (i + j == n) {
          return acc;
        }
      }
    }
    return -acc;
  }

  @Differentiable
  static double nested(double[] w, double[] x) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      double row = 0;
      for (int j = 0; j <= i; j++) {
        row += Math.tanh(w[i] * x[j]);
      }
      s += row * row;
    }
    return s;
  }

  /** Two carried values that swap roles: a and b advance like Fibonacci, scaled by x. */
  @Differentiable
  static double swap(double x, int n) {
    double a = 1;
    double b = x;
    for (int i = 0; i < n; i++) {
      double t = a;
      a = b;
      b = t + b * x;
    }
    return a + b;
  }

  /** A header that nothing after the loop reads, feeding one that is. */
  @Differentiable
  static double feeder(double x, int n) {
    double p = x;
    double q = 0;
    for (int i = 0; i < n; i++) {
      q += Math.cos(p);
      p = p * x;
    }
    return q;
  }

  /** A long read by the chain rule inside a loop: taped with the doubles' ints. */
  @Differentiable
  static double longFactor(double x, long m) {
    double y = x;
    for (int i = 0; i < 3; i++) {
      y = y * (m * 2L) / 10 + x;
    }
    return y;
  }

  @Differentiable
  static double whileOverElements(double[] xs, int[] pick) {
    double product = 1;
    int i = 0;
    while (i < pick.length) {
      product *= xs[pick[i]] + 1;
      i++;
    }
    return Math.log(product);
  }

  /** A loop inside a branch, and a loop after it that reads what the branch chose. */
  @Differentiable
  static double loopInBranch(double[] xs, double x, boolean square) {
    double y = x;
    if (square) {
      for (double v : xs) {
        y = y * v;
      }
    } else {
      y = Math.exp(x);
    }
    double z = 0;
    for (int i = 0; i < 3; i++) {
      z += y / (i + 1);
    }
    return z;
  }

  /** A call of a @Differentiable method on every pass: backward replays each one. */
  @Differentiable
  static double callInLoop(double[] xs, double w) {
    double sum = 0;
    for (double v : xs) {
      sum += Calls.neuron(w, v, 0.1) * v;
    }
    return sum;
  }

  /** A chain of three methods with loops: outer calls middle calls power. */
  @Differentiable
  static double power(double x, int n) {
    double y = 1;
    for (int i = 0; i < n; i++) {
      y *= x;
    }
    return y;
  }

  @Differentiable
  static double middle(double x, double s) {
    double total = 0;
    for (int k = 0; k < 3; k++) {
      total += s * power(x, k) + k;
    }
    return total;
  }

  @Differentiable
  static double outer(double x, double s) {
    double y = middle(x, s);
    int n = 0;
    while (n < 2) {
      y = Math.sin(y) + middle(x, y * 0.1);
      n++;
    }
    return y;
  }

  /** A loop whose result does not depend on the parameters' loop: constant gradients flow on. */
  @Differentiable
  static double inactiveLoop(double x, int n) {
    double c = 1;
    for (int i = 0; i < n; i++) {
      c = c * 2 + i;
    }
    return x * c;
  }

  /**
   * Inner loops whose pass counts backward computes from their bounds: a length less one, a count
   * down to an expression of the outer counter, and the bound on the left.
   */
  @Differentiable
  static double boundedByLengths(double[] x) {
    double s = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 1; j < x.length - 1; j++) {
        s += x[j] * x[j - 1] * (i + 1);
      }
      for (int k = x.length - 1; k > i - 1; k--) {
        s += Math.sin(x[k]);
      }
      for (int m = 0; x.length > m; m++) {
        s += x[m] * s * 0.01;
      }
    }
    return s;
  }

  /**
   * An inner loop's cheap step over a value of the outer pass: backward computes a * x[j] again on
   * every inner pass from a, which the outer pass keeps once, instead of taping the product.
   */
  @Differentiable
  static double outerValueInInnerLoop(double[] x, double t) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double a = Math.sin(x[i] * t);
      for (int j = 0; j < x.length; j++) {
        s += a * x[j] * x[j];
      }
    }
    return s;
  }
}
