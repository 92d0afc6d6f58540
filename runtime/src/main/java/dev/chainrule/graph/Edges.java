package dev.chainrule.graph;

import java.util.Arrays;

/**
 * Joins the parents, and the local derivatives, of a node that has an edge from every element of an
 * array: generated {@code graph()} code for a call that passes an array writes {@code
 * Edges.join(new int[] {xNode}, wNodes)} for its parents and the same for its local derivatives.
 */
public final class Edges {
  private Edges() {}

  public static int[] join(int[]... parts) {
    int[] joined = new int[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (int[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }

  public static double[] join(double[]... parts) {
    double[] joined = new double[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }
}
