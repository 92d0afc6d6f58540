package dev.chainrule.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * micrograd's scalar node in Java: a number that remembers how it was computed, so that {@link
 * #backward()} can apply the chain rule through everything it depends on. It is the interpreted
 * counterpart of the code chainrule generates: it builds its graph at run time, one object per
 * operation, which makes it the baseline the generated {@code forward}/{@code backward} are
 * compared against and a second opinion on their gradients.
 *
 * <p>micrograd's README example, in Java:
 *
 * <pre>{@code
 * Value a = new Value(-4.0).label("a");
 * Value b = new Value(2.0).label("b");
 * Value c = a.add(b);                                   // c = a + b
 * Value d = a.mul(b).add(b.pow(3));                     // d = a * b + b**3
 * c = c.add(c.add(1));                                  // c += c + 1
 * c = c.add(Value.of(1).add(c).add(a.neg()));           // c += 1 + c + (-a)
 * d = d.add(d.mul(2).add(b.add(a).relu()));             // d += d * 2 + (b + a).relu()
 * d = d.add(Value.of(3).mul(d).add(b.sub(a).relu()));   // d += 3 * d + (b - a).relu()
 * Value e = c.sub(d);
 * Value f = e.pow(2);
 * Value g = f.div(2.0);
 * g = g.add(Value.of(10.0).div(f));                     // g += 10.0 / f
 * g.data();      // 24.7041, the outcome of this forward pass
 * g.backward();
 * a.grad();      // 138.8338, dg/da
 * b.grad();      // 645.5773, dg/db
 * }</pre>
 *
 * <p>Each operation returns a new node holding its result, its one or two parents and the local
 * derivative d(result)/d(parent) for each, computed during the forward pass. That pair of numbers
 * is the node's whole backward rule, {@code parent.grad += grad * localDerivative}: every operation
 * here is unary or binary with a derivative known once its result is, so a node needs no closure
 * and a graph of a million nodes stays small. An operand given as a {@code double} becomes a leaf
 * node, as in micrograd, so it appears in pictures ({@link #toDot()}).
 *
 * <p>Gradients follow PyTorch where micrograd leaves a choice: {@code relu} has derivative 0 at 0,
 * and {@code pow(x, 0)} has derivative 0 in {@code x} (also at {@code x == 0}, where the formula
 * {@code 0 * x^-1} would give NaN), the same conventions as the code chainrule generates. A node is
 * identified by its object identity. Nodes are not thread-safe: build and differentiate a graph in
 * one thread at a time.
 */
public final class Value {
  /** Hands out the marks of {@link #topologicalOrder()}, two per search. */
  private static final AtomicLong TRAVERSALS = new AtomicLong();

  private double data;
  private double grad;
  private String label = "";
  private final String op;
  private final Value left;
  private final double leftDerivative;
  private final Value right;
  private final double rightDerivative;
  private long mark;

  /** A leaf: an input or parameter, with gradient 0. {@code NaN} is accepted here. */
  public Value(double data) {
    this(data, "", null, 0, null, 0);
  }

  private Value(
      double data,
      String op,
      Value left,
      double leftDerivative,
      Value right,
      double rightDerivative) {
    this.data = data;
    this.op = op;
    this.left = left;
    this.leftDerivative = leftDerivative;
    this.right = right;
    this.rightDerivative = rightDerivative;
  }

  /** A leaf holding {@code data}; the same as {@code new Value(data)}. */
  public static Value of(double data) {
    return new Value(data);
  }

  /**
   * The sum of {@code terms}, added left to right as Python's {@code sum} does; a leaf 0 when there
   * are none.
   */
  public static Value sum(List<Value> terms) {
    if (terms.isEmpty()) {
      return new Value(0);
    }
    Value total = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      total = total.add(terms.get(i));
    }
    return total;
  }

  private Value unary(String op, double result, double derivative) {
    return new Value(result, op, this, derivative, null, 0);
  }

  private Value binary(String op, double result, Value other, double dThis, double dOther) {
    return new Value(result, op, this, dThis, other, dOther);
  }

  /** {@code this + other}. */
  public Value add(Value other) {
    return binary("+", data + other.data, other, 1, 1);
  }

  /** {@code this + other}, with {@code other} as a leaf. */
  public Value add(double other) {
    return add(new Value(other));
  }

  /** {@code this - other}. */
  public Value sub(Value other) {
    return binary("-", data - other.data, other, 1, -1);
  }

  /** {@code this - other}, with {@code other} as a leaf. */
  public Value sub(double other) {
    return sub(new Value(other));
  }

  /** {@code this * other}. */
  public Value mul(Value other) {
    return binary("*", data * other.data, other, other.data, data);
  }

  /** {@code this * other}, with {@code other} as a leaf. */
  public Value mul(double other) {
    return mul(new Value(other));
  }

  /** {@code this / other}: d/dthis = 1 / other, d/dother = -result / other. */
  public Value div(Value other) {
    double result = data / other.data;
    return binary("/", result, other, 1 / other.data, -result / other.data);
  }

  /** {@code this / other}, with {@code other} as a leaf. */
  public Value div(double other) {
    return div(new Value(other));
  }

  /** {@code -this}. */
  public Value neg() {
    return unary("neg", -data, -1);
  }

  /**
   * {@code this} to a constant power: d/dthis = exponent · this^(exponent - 1), and 0 when the
   * exponent is 0. The exponent is a {@code double}, as in micrograd; for a {@code Value} exponent
   * {@code y}, write {@code x.log().mul(y).exp()} (for positive {@code x}).
   */
  public Value pow(double exponent) {
    double derivative =
        exponent == 0 ? 0 : exponent == 1 ? 1 : exponent * Math.pow(data, exponent - 1);
    return unary(powerLabel(exponent), Math.pow(data, exponent), derivative);
  }

  /** The labels of small whole powers, made once: pow is on the hot path of the baseline. */
  private static final String[] WHOLE_POWERS = new String[33];

  static {
    for (int k = -16; k <= 16; k++) {
      WHOLE_POWERS[k + 16] = "^" + k;
    }
  }

  private static String powerLabel(double exponent) {
    int whole = (int) exponent;
    return whole == exponent && Math.abs(whole) <= 16
        ? WHOLE_POWERS[whole + 16]
        : "^" + exponentLabel(exponent);
  }

  /** {@code 3} rather than {@code 3.0} for a whole exponent, so a picture reads {@code ^3}. */
  private static String exponentLabel(double exponent) {
    boolean whole = exponent == Math.rint(exponent) && Math.abs(exponent) < 1e15;
    return whole ? Long.toString((long) exponent) : Double.toString(exponent);
  }

  /** e^this. */
  public Value exp() {
    double result = Math.exp(data);
    return unary("exp", result, result);
  }

  /** The natural logarithm; NaN below 0, as {@link Math#log} gives. */
  public Value log() {
    return unary("log", Math.log(data), 1 / data);
  }

  /** The hyperbolic tangent: d/dthis = 1 - tanh². */
  public Value tanh() {
    double result = Math.tanh(data);
    return unary("tanh", result, 1 - result * result);
  }

  /** {@code max(0, this)}, with derivative 0 at 0 as in PyTorch; NaN stays NaN. */
  public Value relu() {
    boolean positive = data > 0;
    return unary("relu", positive || Double.isNaN(data) ? data : 0, positive ? 1 : 0);
  }

  /**
   * The logistic function 1 / (1 + e^-this), computed without overflow for large negative inputs:
   * d/dthis = sigmoid · (1 - sigmoid).
   */
  public Value sigmoid() {
    double result;
    if (data >= 0) {
      result = 1 / (1 + Math.exp(-data));
    } else {
      double e = Math.exp(data);
      result = e / (1 + e);
    }
    return unary("sigmoid", result, result * (1 - result));
  }

  /** sin this: d/dthis = cos this. */
  public Value sin() {
    return unary("sin", Math.sin(data), Math.cos(data));
  }

  /** cos this: d/dthis = -sin this. */
  public Value cos() {
    return unary("cos", Math.cos(data), -Math.sin(data));
  }

  /** √this: d/dthis = 1 / (2√this), infinite at 0. */
  public Value sqrt() {
    double result = Math.sqrt(data);
    return unary("sqrt", result, 1 / (2 * result));
  }

  /**
   * Fills in the gradient of this node with respect to every node it depends on, like micrograd's
   * {@code backward}: this node's gradient is seeded with 1, then each node, from this one back to
   * the leaves in reverse topological order, adds {@code grad * localDerivative} to its parents.
   *
   * <p>Leaves accumulate: a second {@code backward}, from this node or from another result that
   * shares the leaves, adds to their gradients (so gradients of a batch can be summed one example
   * at a time) until {@link #zeroGrad()} or {@code Module.zeroGrad()} resets them. Unlike in
   * micrograd, the gradients of the computed nodes in between are reset first, so they always hold
   * d(this)/d(node) for the latest call; micrograd would count them twice on a second call, and
   * pass that on to the leaves.
   *
   * <p>The traversal uses an explicit stack, so a graph a million nodes deep needs no deep
   * recursion.
   *
   * @throws IllegalStateException if this node is NaN; the message names the node where NaN first
   *     appeared, since every gradient computed from it would be NaN
   */
  public void backward() {
    List<Value> order = topologicalOrder();
    if (Double.isNaN(data)) {
      throw new IllegalStateException(
          "backward() from a NaN result: every gradient would be NaN. NaN first appears at "
              + firstNaN(order));
    }
    for (Value node : order) {
      if (!node.isLeaf()) {
        node.grad = 0;
      }
    }
    grad += 1;
    for (int i = order.size() - 1; i >= 0; i--) {
      Value node = order.get(i);
      if (node.left != null) {
        node.left.grad += node.grad * node.leftDerivative;
      }
      if (node.right != null) {
        node.right.grad += node.grad * node.rightDerivative;
      }
    }
  }

  private static String firstNaN(List<Value> order) {
    for (Value node : order) {
      if (Double.isNaN(node.data)) {
        if (node.isLeaf()) {
          return "a leaf created with NaN" + node.describedLabel();
        }
        StringBuilder inputs = new StringBuilder();
        for (Value parent : node.parents()) {
          inputs.append(inputs.length() == 0 ? "" : ", ").append(parent.data);
        }
        return "the '" + node.op + "' node" + node.describedLabel() + " of " + inputs;
      }
    }
    throw new AssertionError("a NaN result with no NaN node");
  }

  private String describedLabel() {
    return label.isEmpty() ? "" : " '" + label + "'";
  }

  /**
   * Resets to 0 the gradient of this node and of every node it depends on, so the graph can be
   * reused for another {@link #backward()}. On a leaf it resets just that leaf.
   */
  public void zeroGrad() {
    if (isLeaf()) {
      grad = 0;
      return;
    }
    for (Value node : topologicalOrder()) {
      node.grad = 0;
    }
  }

  /**
   * This node and every node it depends on, each after its parents (left parent's ancestors first),
   * this node last. Iterative depth-first search: a node is pushed to be expanded, stays on the
   * stack while its parents are expanded above it, and is emitted when it surfaces again. Graphs
   * cannot have cycles because parents are fixed when a node is created.
   *
   * <p>Each search takes a fresh pair of marks from {@link #TRAVERSALS} and stamps them on the
   * nodes it reaches, {@code expanded} then {@code expanded + 1} once emitted, instead of keeping a
   * set: hashing a million nodes costs seconds, a field write almost nothing, and no mark needs
   * clearing afterwards. Two searches over shared nodes must therefore not run at once, which
   * {@link #backward()} could not allow anyway.
   */
  List<Value> topologicalOrder() {
    long expanded = TRAVERSALS.addAndGet(2);
    long emitted = expanded + 1;
    List<Value> order = new ArrayList<>();
    ArrayDeque<Value> stack = new ArrayDeque<>();
    stack.push(this);
    while (!stack.isEmpty()) {
      Value node = stack.peek();
      if (node.mark < expanded) {
        node.mark = expanded;
        if (node.right != null && node.right.mark < expanded) {
          stack.push(node.right);
        }
        if (node.left != null && node.left.mark < expanded) {
          stack.push(node.left);
        }
      } else {
        stack.pop();
        if (node.mark == expanded) {
          node.mark = emitted;
          order.add(node);
        }
      }
    }
    return order;
  }

  /** Graphviz DOT text of this node's graph, drawn as micrograd's {@code draw_dot} draws it. */
  public String toDot() {
    return ValuePicture.toDot(this);
  }

  /** The value computed in the forward pass. */
  public double data() {
    return data;
  }

  /**
   * Changes a leaf's value, as a training step changes a parameter. Nodes computed from it keep
   * their old values: build the expression again to use the new one.
   *
   * @throws IllegalStateException on a computed node, whose value must stay what its parents give
   */
  public void setData(double data) {
    if (!isLeaf()) {
      throw new IllegalStateException(
          "setData on the result of '"
              + op
              + "' would make it disagree with its inputs; change a leaf and compute again");
    }
    this.data = data;
  }

  /** The gradient accumulated by {@link #backward()}; 0 before any. */
  public double grad() {
    return grad;
  }

  /** Names this node for pictures and messages; returns this node. */
  public Value label(String label) {
    this.label = Objects.requireNonNull(label, "label");
    return this;
  }

  /** The name given with {@link #label(String)}; empty if none. */
  public String label() {
    return label;
  }

  /**
   * The operation that computed this node, such as {@code "+"} or {@code "tanh"}; empty for a leaf.
   */
  public String op() {
    return op;
  }

  /** The nodes this one was computed from, in operand order; a node used twice appears twice. */
  public List<Value> parents() {
    if (left == null) {
      return List.of();
    }
    return right == null ? List.of(left) : List.of(left, right);
  }

  /** Whether this node is an input or parameter rather than the result of an operation. */
  public boolean isLeaf() {
    return left == null;
  }

  /**
   * micrograd's {@code repr}: {@code Value(data=2.0, grad=0.0)}, with the label when there is one.
   */
  @Override
  public String toString() {
    String name = label.isEmpty() ? "" : label + ", ";
    return String.format(Locale.ROOT, "Value(%sdata=%s, grad=%s)", name, data, grad);
  }
}
