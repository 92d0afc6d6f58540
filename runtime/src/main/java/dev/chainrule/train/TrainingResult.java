package dev.chainrule.train;

import java.util.List;

/**
 * What a training run did: the mean loss of every epoch, in order (index 0 is epoch 1), why it
 * stopped, and its best epoch. {@link #summary()} says the same in a sentence, e.g. {@code stopped
 * after epoch 37 of 200: the loss 0.000987 reached the threshold 0.001}.
 */
public record TrainingResult(
    List<Double> losses, StopReason stopReason, int bestEpoch, double bestLoss, String summary) {

  public TrainingResult {
    losses = List.copyOf(losses);
  }

  /** How many epochs ran. */
  public int epochs() {
    return losses.size();
  }

  /** The mean loss of the last epoch. */
  public double finalLoss() {
    return losses.get(losses.size() - 1);
  }

  @Override
  public String toString() {
    return summary;
  }
}
