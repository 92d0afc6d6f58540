package inputs;

import dev.chainrule.Differentiable;

/**
 * User names that look like the names chainrule generates: a tangent ({@code xDot}), an adjoint
 * ({@code d_x}), a gradient field ({@code gradX}), a second value ({@code x_2}), a temporary
 * ({@code y_t1}), a graph node ({@code xNode}), members of the generated class ({@code graph},
 * {@code recorded}) and the method's own name. Valid for doubles in [0.2, 0.9].
 */
final class Naming {
  private Naming() {}

  @Differentiable
  static double lookalikes(double x, double xDot, double d_x, double gradX, double graph) {
    double x_2 = x * xDot;
    double y_t1 = d_x + gradX;
    double xNode = graph * x;
    double recorded = x_2 * y_t1;
    x = recorded + xNode;
    double lookalikes = x * d_x;
    return lookalikes + Math.sin(x_2 * gradX);
  }

  /**
   * Loops and arrays bring names of their own: the tape, pass counters, iteration counts, the
   * flags that replace break, continue and return, an array's adjoint buffer ({@code d_h}) and
   * its copy for a replayed call ({@code hAtCall}), the index of an array pass ({@code k}), the
   * graph's output node, and the classes generated code names (Tape, Edges, Arrays).
   */
  @Differentiable
  static double loopLookalikes(double[] h, double tape, int pass, double[] d_h) {
    double iterations = tape;
    double broke = 0;
    double skip = 1;
    double result = 0;
    double[] hAtCall = new double[h.length];
    int k = 0;
    double Tape = 1;
    double Edges = 2;
    double Arrays = 3;
    double output = 0;
    int[] pick = {0, 1, 2};
    for (int i = 0; i < h.length; i++) {
      if (i == pass) {
        continue;
      }
      hAtCall[i] = h[i] * d_h[i] + Tape;
      double returned = hAtCall[i] * iterations;
      broke += returned;
      k++;
      if (k > 3) {
        break;
      }
      result += ArrayCalls.weightedSum(hAtCall, h, pick) * Edges;
    }
    while (skip < 3) {
      output += broke * skip / Arrays;
      skip++;
    }
    return result + output;
  }
}
