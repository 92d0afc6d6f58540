package dev.chainrule.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Graphs far deeper than the Java stack: backward and zeroGrad walk them with an explicit stack. A
 * recursive topological sort, micrograd's, overflows the default stack a few thousand nodes deep.
 */
class DeepGraphTest {
  private static final int DEPTH = 1_000_000;

  @Test
  void aMillionNodeChainThroughTheLeftOperand() {
    Value x = new Value(0.5);
    Value y = x;
    for (int i = 0; i < DEPTH; i++) {
      y = y.add(x); // y = (i + 2) x
    }
    y.backward();
    assertEquals(DEPTH + 1, x.grad());
    assertEquals((DEPTH + 1) * 0.5, y.data());
    y.zeroGrad();
    assertEquals(0, x.grad());
  }

  @Test
  void aMillionNodeChainThroughTheRightOperandAndUnaryNodes() {
    Value x = new Value(1);
    Value y = x;
    int steps = DEPTH / 3;
    for (int i = 0; i < steps; i++) {
      y = x.mul(y.neg()).neg(); // y = x · y, three nodes a step: y = x^(i + 2)
    }
    y.backward();
    assertEquals(1, y.data());
    assertEquals(steps + 1, x.grad(), "d/dx x^n = n x^(n - 1) = n at x = 1");
  }
}
