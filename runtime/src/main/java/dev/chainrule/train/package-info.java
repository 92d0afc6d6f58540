/**
 * A training loop around generated workspaces: an {@link dev.chainrule.train.Objective} gives the
 * loss and gradient of one example (a lambda adapts a workspace), and {@link
 * dev.chainrule.train.Trainer} runs seeded, shuffled epochs of mini-batches through an {@link
 * dev.chainrule.optim.Optimizer}, stops early by threshold or patience, and reports progress.
 */
package dev.chainrule.train;
