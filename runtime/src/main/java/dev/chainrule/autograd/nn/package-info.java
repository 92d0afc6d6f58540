/**
 * micrograd's {@code nn} in Java: {@link dev.chainrule.autograd.nn.Neuron}, {@link
 * dev.chainrule.autograd.nn.Layer} and {@link dev.chainrule.autograd.nn.MLP} built from {@link
 * dev.chainrule.autograd.Value}s, seeded for reproducible initialisation, with their parameters in
 * a fixed flat order that copies to and from a {@code double[]}, so the same model can be trained
 * here and with generated code from the same start.
 */
package dev.chainrule.autograd.nn;
