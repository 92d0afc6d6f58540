package inputs;

import dev.chainrule.Differentiable;

/**
 * The micrograd AND-gate walkthrough: n3 = n1 + n2, n5 = n3 * n4, n7 = n5 + n6, n9 = n7 - n8. Every
 * node of the walkthrough is a named local, so the computation graph has exactly its node names.
 */
final class Seed {
  private Seed() {}

  @Differentiable
  static double andGate(double n1, double n2, double n4, double n6, double n8) {
    double n3 = n1 + n2;
    double n5 = n3 * n4;
    double n7 = n5 + n6;
    double n9 = n7 - n8;
    return n9;
  }
}
