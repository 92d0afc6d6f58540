package dev.chainrule.train;

/**
 * The loss of a model on one example, and its gradient: what {@link Trainer} drives.
 *
 * <p>It adds the gradient rather than writing it because that is what a generated workspace's
 * {@code backward()} does, and what a mini-batch needs: the trainer zeroes {@code grad} before each
 * batch, lets every example add to it, and averages. Any workspace fits through a lambda; with
 * {@code @Differentiable static double loss(double n1, double n2, double n4, double n6, double n8)}
 * in {@code AndGate}, training the weight {@code n4} and the bias {@code n6} on rows {@code {n1,
 * n2, n8}}:
 *
 * <pre>{@code
 * AndGate_loss workspace = new AndGate_loss();            // generated; one per thread
 * Objective<double[]> objective =
 *     (w, row, grad) -> {
 *       workspace.zeroGrad();                             // the workspace keeps its own sums
 *       double loss = workspace.forward(row[0], row[1], w[0], w[1], row[2]);
 *       workspace.backward();
 *       grad[0] += workspace.gradN4();
 *       grad[1] += workspace.gradN6();
 *       return loss;
 *     };
 * }</pre>
 *
 * <p>A method that takes its weights as a {@code double[] w} passes {@code w} straight to {@code
 * forward} and adds {@code workspace.gradW()} into {@code grad} element by element.
 *
 * @param <E> the type of one example, such as a {@code double[]} row or a record
 */
@FunctionalInterface
public interface Objective<E> {

  /**
   * Returns the loss on {@code example} at {@code params}, and adds d(loss)/d(params) into {@code
   * grad}, which has the length of {@code params}. {@code params} must not be modified.
   */
  double evaluate(double[] params, E example, double[] grad);
}
