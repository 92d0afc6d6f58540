package dev.chainrule.train;

/**
 * A workspace written by hand the way chainrule generates {@code AndGate_loss} from the sample's
 * {@code loss(n1, n2, n4, n6, n8) = ((n1 + n2) * n4 + n6 - n8)^2}, so that the javadoc's example
 * runs here, where the processor is not on the path.
 */
final class AndGateLoss {
  private double n3;
  private double n9;
  private double gradN4;
  private double gradN6;

  double forward(double n1, double n2, double n4, double n6, double n8) {
    n3 = n1 + n2;
    n9 = n3 * n4 + n6 - n8;
    return n9 * n9;
  }

  void backward() {
    double dN9 = 2 * n9;
    gradN4 += dN9 * n3;
    gradN6 += dN9;
  }

  void zeroGrad() {
    gradN4 = 0;
    gradN6 = 0;
  }

  double gradN4() {
    return gradN4;
  }

  double gradN6() {
    return gradN6;
  }
}
