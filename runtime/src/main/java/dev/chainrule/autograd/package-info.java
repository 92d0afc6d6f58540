/**
 * The interpreted engine: {@link dev.chainrule.autograd.Value}, micrograd's scalar autograd node,
 * which builds its graph while it computes and walks it backwards for gradients. It is what the
 * generated code replaces, kept as a baseline for speed and a second opinion for gradients; its
 * neural network modules are in {@link dev.chainrule.autograd.nn}.
 */
package dev.chainrule.autograd;
