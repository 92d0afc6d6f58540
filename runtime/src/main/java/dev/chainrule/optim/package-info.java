/**
 * Optimizers that update a parameter {@code double[]} in place from a gradient {@code double[]}:
 * {@link dev.chainrule.optim.Sgd} (with momentum or Nesterov momentum) and {@link
 * dev.chainrule.optim.Adam} (with L2 or decoupled weight decay). They allocate only on their first
 * step, so a training loop over generated workspaces stays allocation-free.
 */
package dev.chainrule.optim;
