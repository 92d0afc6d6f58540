package dev.chainrule.train;

/**
 * Training met a NaN or infinite loss or gradient. Continuing would spread it through every
 * parameter, so the trainer stops and says where: the epoch (from 1) and the example's index in the
 * dataset, which stays the same whatever the shuffled order.
 */
public final class NonFiniteException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int exampleIndex;

  NonFiniteException(String message, int epoch, int exampleIndex) {
    super(message);
    this.epoch = epoch;
    this.exampleIndex = exampleIndex;
  }

  /** The epoch it happened in, counted from 1. */
  public int epoch() {
    return epoch;
  }

  /** The index in the dataset list of the example whose loss or gradient was not finite. */
  public int exampleIndex() {
    return exampleIndex;
  }
}
