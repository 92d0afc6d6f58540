package dev.chainrule.samples;

import dev.chainrule.Differentiable;

/** Placeholder until the sample lands; replaced in this same change. */
public final class AndGate {
  private AndGate() {}

  @Differentiable
  static double loss(double n1, double n2, double n4, double n6, double n8) {
    double n3 = n1 + n2;
    double n5 = n3 * n4;
    double n7 = n5 + n6;
    return n7 - n8;
  }

  public static void main(String[] args) {
    System.out.println(AndGate_loss.graph(1, 0, 0.5, 0.2, 0));
  }
}
