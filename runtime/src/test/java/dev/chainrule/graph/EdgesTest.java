package dev.chainrule.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class EdgesTest {
  @Test
  void joinsPartsInOrder() {
    assertArrayEquals(
        new int[] {1, 2, 3, 4}, Edges.join(new int[] {1}, new int[] {}, new int[] {2, 3, 4}));
    assertArrayEquals(
        new double[] {0.5, 1.5, 2.5}, Edges.join(new double[] {0.5, 1.5}, new double[] {2.5}));
  }
}
