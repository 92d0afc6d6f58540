package dev.chainrule.train;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides after each epoch whether to stop: at a loss threshold, or after {@code patience} epochs
 * without improving on the best loss by more than {@code minImprovement}. It also tells why. As in
 * Keras, an improvement smaller than {@code minImprovement} does not move the best loss, so a slow
 * creep cannot keep training alive forever.
 */
final class EarlyStopping {
  private final int maxEpochs;
  private final double threshold;
  private final int patience;
  private final double minImprovement;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private int epochsWithoutImprovement;

  /** {@code threshold} -infinity and {@code patience} 0 switch those rules off. */
  EarlyStopping(int maxEpochs, double threshold, int patience, double minImprovement) {
    this.maxEpochs = maxEpochs;
    this.threshold = threshold;
    this.patience = patience;
    this.minImprovement = minImprovement;
  }

  /** Records an epoch's mean loss; says whether and why to stop after it. */
  Optional<StopReason> afterEpoch(int epoch, double loss) {
    if (bestEpoch == 0 || loss < bestLoss - minImprovement) {
      bestLoss = loss;
      bestEpoch = epoch;
      epochsWithoutImprovement = 0;
    } else {
      epochsWithoutImprovement++;
    }
    if (loss <= threshold) {
      return Optional.of(StopReason.LOSS_THRESHOLD);
    }
    if (patience > 0 && epochsWithoutImprovement >= patience) {
      return Optional.of(StopReason.PATIENCE);
    }
    if (epoch >= maxEpochs) {
      return Optional.of(StopReason.MAX_EPOCHS);
    }
    return Optional.empty();
  }

  int bestEpoch() {
    return bestEpoch;
  }

  double bestLoss() {
    return bestLoss;
  }

  /** The sentence a {@link TrainingResult} carries: why training stopped after {@code epoch}. */
  String explain(StopReason reason, int epoch, double loss) {
    String best = String.format(Locale.ROOT, "best loss %.6g at epoch %d", bestLoss, bestEpoch);
    return switch (reason) {
      case MAX_EPOCHS ->
          String.format(
              Locale.ROOT, "finished all %d epochs: loss %.6g, %s", maxEpochs, loss, best);
      case LOSS_THRESHOLD ->
          String.format(
              Locale.ROOT,
              "stopped after epoch %d of %d: the loss %.6g reached the threshold %.6g",
              epoch,
              maxEpochs,
              loss,
              threshold);
      case PATIENCE ->
          String.format(
              Locale.ROOT,
              "stopped after epoch %d of %d: no improvement for %d epochs, %s",
              epoch,
              maxEpochs,
              patience,
              best);
    };
  }
}
