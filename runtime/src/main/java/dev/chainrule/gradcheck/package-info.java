/**
 * Gradient checking for users: {@link dev.chainrule.gradcheck.GradientCheck} compares any claimed
 * gradient, such as a generated workspace's, with central finite differences and reports each
 * parameter's worst relative error and where it happened, in a {@link
 * dev.chainrule.gradcheck.GradientReport} that prints as a table.
 */
package dev.chainrule.gradcheck;
