package dev.chainrule.train;

/** Why {@link Trainer#train} returned. */
public enum StopReason {
  /** Every epoch asked for ran. */
  MAX_EPOCHS,
  /** An epoch's mean loss reached the threshold set by {@link Trainer.Builder#stopAtLoss}. */
  LOSS_THRESHOLD,
  /** {@link Trainer.Builder#patience} epochs in a row did not improve on the best loss. */
  PATIENCE
}
