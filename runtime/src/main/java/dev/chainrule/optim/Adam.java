package dev.chainrule.optim;

/**
 * Adam with bias correction (Kingma and Ba, 2015), optionally with weight decay of either kind. Per
 * parameter, at step {@code t} counted from 1, with moments {@code m} and {@code v} starting at 0:
 *
 * <pre>
 *   g = grad + weightDecay * p                          (L2 weight decay, folded into g)
 *   p = p - lr * decoupledWeightDecay * p               (decoupled weight decay: AdamW)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g * g
 *   p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 *
 * <p>{@code weightDecay} is the classic L2 penalty {@code weightDecay / 2 * |p|^2}, added to the
 * gradient as {@code torch.optim.Adam}'s {@code weight_decay} does; Adam then rescales it like any
 * gradient, so large weights shrink no faster than small ones. {@code decoupledWeightDecay} is
 * AdamW's (Loshchilov and Hutter, 2019), {@code torch.optim.AdamW}'s {@code weight_decay}: each
 * weight shrinks by the factor {@code 1 - lr * decoupledWeightDecay} per step, independently of the
 * gradient; prefer it for regularisation. Only one of the two may be set.
 *
 * <p>The bias correction makes the first step about {@code lr} long in every coordinate with a
 * non-zero gradient, whatever the gradient's scale:
 *
 * <pre>{@code
 * Adam adam = Adam.builder().learningRate(0.01).decoupledWeightDecay(0.01).build();
 * double[] w = {1, -2};
 * adam.step(w, new double[] {0.3, 40});
 * // w is {1 - 0.0001 - 0.01, -2 + 0.0002 - 0.01}, to within epsilon's effect
 * }</pre>
 */
public final class Adam extends StatefulOptimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private final double decoupledWeightDecay;
  private double[] m;
  private double[] v;

  /** Adam with the paper's defaults: betas 0.9 and 0.999, epsilon 1e-8, no weight decay. */
  public Adam(double learningRate) {
    this(builder().learningRate(learningRate));
  }

  private Adam(Builder builder) {
    super("Adam", builder.learningRate);
    this.beta1 = builder.beta1;
    this.beta2 = builder.beta2;
    this.epsilon = builder.epsilon;
    this.weightDecay = builder.weightDecay;
    this.decoupledWeightDecay = builder.decoupledWeightDecay;
  }

  /** A builder starting from the defaults: learning rate 0.001, betas 0.9 and 0.999, eps 1e-8. */
  public static Builder builder() {
    return new Builder();
  }

  public double beta1() {
    return beta1;
  }

  public double beta2() {
    return beta2;
  }

  public double epsilon() {
    return epsilon;
  }

  /** The L2 penalty coefficient, added to the gradient; see the class comment. */
  public double weightDecay() {
    return weightDecay;
  }

  /** AdamW's coefficient, applied to the weights directly; see the class comment. */
  public double decoupledWeightDecay() {
    return decoupledWeightDecay;
  }

  @Override
  void allocate(int n) {
    m = new double[n];
    v = new double[n];
  }

  @Override
  void release() {
    m = null;
    v = null;
  }

  @Override
  void update(double[] params, double[] grads, double learningRate, long step) {
    double correction1 = 1 - Math.pow(beta1, step);
    double correction2 = 1 - Math.pow(beta2, step);
    double shrink = 1 - learningRate * decoupledWeightDecay;
    for (int i = 0; i < params.length; i++) {
      double p = params[i];
      double g = grads[i] + weightDecay * p;
      p *= shrink;
      double mi = beta1 * m[i] + (1 - beta1) * g;
      double vi = beta2 * v[i] + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = p - learningRate * (mi / correction1) / (Math.sqrt(vi / correction2) + epsilon);
    }
  }

  @Override
  public String toString() {
    return "Adam(learningRate="
        + learningRate()
        + ", beta1="
        + beta1
        + ", beta2="
        + beta2
        + ", epsilon="
        + epsilon
        + (weightDecay > 0 ? ", weightDecay=" + weightDecay : "")
        + (decoupledWeightDecay > 0 ? ", decoupledWeightDecay=" + decoupledWeightDecay : "")
        + ")";
  }

  /** Collects Adam's settings; each setter checks its argument at once and names it if bad. */
  public static final class Builder {
    private double learningRate = 0.001;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;
    private double weightDecay;
    private double decoupledWeightDecay;

    private Builder() {}

    public Builder learningRate(double learningRate) {
      this.learningRate = requireLearningRate("Adam", learningRate);
      return this;
    }

    /** The decay rates of the first and second moment estimates, each in [0, 1). */
    public Builder betas(double beta1, double beta2) {
      this.beta1 = requireFraction("Adam", "beta1", beta1);
      this.beta2 = requireFraction("Adam", "beta2", beta2);
      return this;
    }

    /** Added to the denominator so that a zero gradient gives a zero step, not 0/0; > 0. */
    public Builder epsilon(double epsilon) {
      if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
        throw new IllegalArgumentException(
            "Adam: epsilon must be a finite number > 0, got " + epsilon);
      }
      this.epsilon = epsilon;
      return this;
    }

    /** L2 weight decay, added to the gradient (classic Adam); see the class comment. */
    public Builder weightDecay(double weightDecay) {
      this.weightDecay = requireNonNegative("Adam", "weightDecay", weightDecay);
      return this;
    }

    /** Decoupled weight decay (AdamW), applied to the weights; see the class comment. */
    public Builder decoupledWeightDecay(double decoupledWeightDecay) {
      this.decoupledWeightDecay =
          requireNonNegative("Adam", "decoupledWeightDecay", decoupledWeightDecay);
      return this;
    }

    /**
     * @throws IllegalArgumentException if both kinds of weight decay are set
     */
    public Adam build() {
      if (weightDecay > 0 && decoupledWeightDecay > 0) {
        throw new IllegalArgumentException(
            "Adam: both weightDecay ("
                + weightDecay
                + ", L2, added to the gradient) and decoupledWeightDecay ("
                + decoupledWeightDecay
                + ", AdamW, applied to the weights) are set; choose one");
      }
      return new Adam(this);
    }
  }
}
