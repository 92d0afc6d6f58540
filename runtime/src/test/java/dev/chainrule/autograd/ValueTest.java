package dev.chainrule.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {

  @Test
  void aNodeUsedTwiceGetsTheGradientOfBothUses() {
    Value x = new Value(3);
    Value y = x.mul(x);
    y.backward();
    assertEquals(6, x.grad());
    assertEquals(List.of(x, x), y.parents());
  }

  @Test
  void leavesAccumulateOverBackwardCallsWhileComputedNodesHoldTheLatestPass() {
    Value x = new Value(2);
    Value h = x.mul(3);
    Value y = h.mul(h); // y = 9x², dy/dx = 18x = 36, dy/dh = 2h = 12
    y.backward();
    assertEquals(36, x.grad());
    assertEquals(12, h.grad());
    y.backward();
    assertEquals(72, x.grad(), "the leaf accumulates, as in micrograd and PyTorch");
    assertEquals(12, h.grad(), "the computed node is recomputed, not counted twice");
    assertEquals(1, y.grad());
  }

  @Test
  void backwardFromTwoResultsSumsTheirGradientsInTheSharedLeaves() {
    Value w = new Value(1);
    Value first = w.mul(2).sub(1).pow(2); // (2w - 1)², d/dw = 4(2w - 1) = 4
    Value second = w.mul(4).sub(1).pow(2); // (4w - 1)², d/dw = 8(4w - 1) = 24
    first.backward();
    second.backward();
    assertEquals(28, w.grad());
  }

  @Test
  void zeroGradResetsTheWholeGraphOrJustALeaf() {
    Value x = new Value(2);
    Value y = x.exp().mul(x);
    y.backward();
    assertTrue(x.grad() != 0);
    y.zeroGrad();
    assertEquals(0, x.grad());
    assertEquals(0, y.grad());
    y.backward();
    x.zeroGrad();
    assertEquals(0, x.grad());
    assertEquals(1, y.grad(), "zeroGrad on a leaf touches only the leaf");
  }

  @Test
  void kinksFollowPyTorchAndTheGeneratedCode() {
    Value zero = new Value(0);
    zero.relu().backward();
    assertEquals(0, zero.grad(), "relu'(0) = 0");
    Value base = new Value(0);
    Value one = base.pow(0);
    one.backward();
    assertEquals(1, one.data());
    assertEquals(0, base.grad(), "d(x^0)/dx = 0, also at x = 0, not 0 * 0^-1 = NaN");
    Value negative = new Value(-3);
    negative.relu().backward();
    assertEquals(0, negative.grad());
    assertTrue(Double.isNaN(new Value(Double.NaN).relu().data()), "relu does not hide a NaN");
  }

  @Test
  void sigmoidIsStableFarFromZero() {
    Value low = new Value(-800);
    Value s = low.sigmoid();
    s.backward();
    assertEquals(0, s.data());
    assertEquals(0, low.grad());
    assertEquals(1, new Value(800).sigmoid().data());
    assertEquals(0.5, new Value(0).sigmoid().data());
  }

  @Test
  void backwardFromNaNSaysWhereNaNFirstAppeared() {
    Value x = new Value(-1).label("x");
    Value y = x.log().label("ln x").mul(2).add(1);
    IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
    assertTrue(e.getMessage().contains("backward() from a NaN result"), e.getMessage());
    assertTrue(e.getMessage().contains("the 'log' node 'ln x' of -1.0"), e.getMessage());

    Value leaf = new Value(Double.NaN).label("w");
    IllegalStateException fromLeaf =
        assertThrows(IllegalStateException.class, () -> leaf.add(1).backward());
    assertTrue(
        fromLeaf.getMessage().contains("a leaf created with NaN 'w'"), fromLeaf.getMessage());
  }

  @Test
  void onlyLeavesCanBeChanged() {
    Value w = new Value(1);
    w.setData(0.25);
    assertEquals(0.25, w.data());
    Value y = w.tanh();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.setData(1));
    assertTrue(e.getMessage().contains("setData on the result of 'tanh'"), e.getMessage());
  }

  @Test
  void nodesDescribeThemselves() {
    Value a = Value.of(2).label("a");
    Value b = new Value(-3);
    Value c = a.mul(b);
    assertTrue(a.isLeaf());
    assertEquals("", a.op());
    assertEquals("*", c.op());
    assertEquals("^3", a.pow(3).op());
    assertEquals("^-0.5", a.pow(-0.5).op());
    assertEquals("neg", a.neg().op());
    assertEquals(List.of(a, b), c.parents());
    assertEquals(List.of(), a.parents());
    assertEquals("", b.label());
    assertSame(c, c.label("c"));
    assertEquals("Value(data=-3.0, grad=0.0)", b.toString());
    assertEquals("Value(c, data=-6.0, grad=0.0)", c.toString());
  }

  @Test
  void sumAddsLeftToRightAndIsZeroWhenEmpty() {
    Value a = new Value(1);
    Value b = new Value(2);
    Value c = new Value(3);
    Value total = Value.sum(List.of(a, b, c));
    assertEquals(6, total.data());
    assertEquals(List.of(a, b), total.parents().get(0).parents());
    assertEquals(0, Value.sum(List.of()).data());
    assertSame(a, Value.sum(List.of(a)));
  }
}
