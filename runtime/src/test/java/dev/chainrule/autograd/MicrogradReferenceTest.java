package dev.chainrule.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Value engine against numbers published with micrograd. They come from outside chainrule, so
 * they check the engine independently of its own derivative formulas.
 */
class MicrogradReferenceTest {

  /**
   * micrograd's {@code test_sanity_check} (karpathy/micrograd, test/test_engine.py), which checks
   * against PyTorch at run time and prints no numbers. With x = -4: z = -10, q = relu(z) + z·x =
   * 40, h = relu(z²) = 100, y = h + q + q·x = -20; dy/dx = 2z·3 + (0 + 3x + z) + (3x + z)·x + q =
   * -60 - 22 + 88 + 40 = 46, which PyTorch also gives.
   */
  @Test
  void sanityCheck() {
    Value x = new Value(-4.0);
    Value z = Value.of(2).mul(x).add(2).add(x);
    Value q = z.relu().add(z.mul(x));
    Value h = z.mul(z).relu();
    Value y = h.add(q).add(q.mul(x));
    y.backward();
    assertEquals(-20.0, y.data());
    assertEquals(46.0, x.grad());
  }

  /**
   * micrograd's {@code test_more_ops} expression (test/test_engine.py), with the results its README
   * prints to four decimals: "prints 24.7041, the outcome of this forward pass", "prints 138.8338,
   * i.e. the numerical value of dg/da", "prints 645.5773, i.e. the numerical value of dg/db"
   * (karpathy/micrograd, README.md, "Example usage"). The test there compares with PyTorch to 1e-6;
   * the README's rounding allows 5e-5 here.
   */
  @Test
  void moreOps() {
    Value a = new Value(-4.0);
    Value b = new Value(2.0);
    Value c = a.add(b);
    Value d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1)); // c += c + 1
    c = c.add(Value.of(1).add(c).add(a.neg())); // c += 1 + c + (-a)
    d = d.add(d.mul(2).add(b.add(a).relu())); // d += d * 2 + (b + a).relu()
    d = d.add(Value.of(3).mul(d).add(b.sub(a).relu())); // d += 3 * d + (b - a).relu()
    Value e = c.sub(d);
    Value f = e.pow(2);
    Value g = f.div(2.0);
    g = g.add(Value.of(10.0).div(f)); // g += 10.0 / f
    g.backward();
    assertEquals(24.7041, g.data(), 5e-5);
    assertEquals(24.5 + 10.0 / 49, g.data(), 1e-12, "e = -7, f = 49, g = 49/2 + 10/49");
    assertEquals(138.8338, a.grad(), 5e-5);
    assertEquals(645.5773, b.grad(), 5e-5);
  }

  /**
   * The neuron of micrograd's video walkthrough ("The spelled-out intro to neural networks and
   * backpropagation: building micrograd"), whose bias is chosen so the output is 1/√2: o = 0.7071,
   * and after backward x1 = -1.5, w1 = 1, x2 = 0.5, w2 = 0 (1 - o² = 1/2 flows back to each sum).
   */
  @Test
  void videoNeuron() {
    Value x1 = new Value(2.0).label("x1");
    Value x2 = new Value(0.0).label("x2");
    Value w1 = new Value(-3.0).label("w1");
    Value w2 = new Value(1.0).label("w2");
    Value b = new Value(6.8813735870195432).label("b");
    Value n = x1.mul(w1).add(x2.mul(w2)).add(b).label("n");
    Value o = n.tanh().label("o");
    o.backward();
    assertEquals(Math.sqrt(0.5), o.data(), 1e-12);
    assertEquals(0.5, n.grad(), 1e-12);
    assertEquals(0.5, b.grad(), 1e-12);
    assertEquals(-1.5, x1.grad(), 1e-12);
    assertEquals(1.0, w1.grad(), 1e-12);
    assertEquals(0.5, x2.grad(), 1e-12);
    assertEquals(0.0, w2.grad(), 1e-12);
  }
}
