package dev.chainrule.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation's gradient against the central difference (f(x + h) - f(x - h)) / 2h, at several
 * points away from kinks and domain edges, where the difference is accurate to about 1e-9.
 */
class FiniteDifferenceTest {
  private static final double[] ANYWHERE = {-2.3, -0.7, 0.4, 1.9};
  private static final double[] POSITIVE = {0.15, 0.8, 2.5, 7.0};

  static Stream<Arguments> unaryOperations() {
    return Stream.of(
        unary("neg", Value::neg, x -> -x, ANYWHERE),
        unary("exp", Value::exp, Math::exp, ANYWHERE),
        unary("log", Value::log, Math::log, POSITIVE),
        unary("tanh", Value::tanh, Math::tanh, ANYWHERE),
        unary("relu", Value::relu, x -> Math.max(0, x), ANYWHERE),
        unary("sigmoid", Value::sigmoid, x -> 1 / (1 + Math.exp(-x)), ANYWHERE),
        unary("sin", Value::sin, Math::sin, ANYWHERE),
        unary("cos", Value::cos, Math::cos, ANYWHERE),
        unary("sqrt", Value::sqrt, Math::sqrt, POSITIVE),
        unary("pow 2", v -> v.pow(2), x -> x * x, ANYWHERE),
        unary("pow 3", v -> v.pow(3), x -> x * x * x, ANYWHERE),
        unary("pow -1", v -> v.pow(-1), x -> 1 / x, ANYWHERE),
        unary("pow 0.5", v -> v.pow(0.5), Math::sqrt, POSITIVE),
        unary("pow -1.5", v -> v.pow(-1.5), x -> Math.pow(x, -1.5), POSITIVE),
        unary("add 2.5", v -> v.add(2.5), x -> x + 2.5, ANYWHERE),
        unary("sub 2.5", v -> v.sub(2.5), x -> x - 2.5, ANYWHERE),
        unary("mul 2.5", v -> v.mul(2.5), x -> x * 2.5, ANYWHERE),
        unary("div 2.5", v -> v.div(2.5), x -> x / 2.5, ANYWHERE),
        unary("2.5 div", v -> Value.of(2.5).div(v), x -> 2.5 / x, ANYWHERE),
        unary(
            "tanh(x² sin x) / (1 + e^x)",
            v -> v.pow(2).mul(v.sin()).tanh().div(v.exp().add(1)),
            x -> Math.tanh(x * x * Math.sin(x)) / (1 + Math.exp(x)),
            ANYWHERE));
  }

  private static Arguments unary(
      String name, UnaryOperator<Value> op, DoubleUnaryOperator f, double[] points) {
    return Arguments.of(name, op, f, points);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unaryOperations")
  void unaryGradientMatchesCentralDifference(
      String name, UnaryOperator<Value> op, DoubleUnaryOperator f, double[] points) {
    for (double point : points) {
      Value x = new Value(point);
      Value y = op.apply(x);
      y.backward();
      assertEquals(f.applyAsDouble(point), y.data(), 1e-12 * Math.max(1, Math.abs(y.data())));
      double expected = centralDifference(f, point);
      assertEquals(
          expected, x.grad(), 1e-6 * Math.max(1, Math.abs(expected)), name + " at " + point);
    }
  }

  static Stream<Arguments> binaryOperations() {
    return Stream.of(
        binary("add", Value::add, Double::sum),
        binary("sub", Value::sub, (a, b) -> a - b),
        binary("mul", Value::mul, (a, b) -> a * b),
        binary("div", Value::div, (a, b) -> a / b),
        binary(
            "a·b / (a + b²) - sin(a)·b",
            (a, b) -> a.mul(b).div(a.add(b.pow(2))).sub(a.sin().mul(b)),
            (a, b) -> a * b / (a + b * b) - Math.sin(a) * b));
  }

  private static Arguments binary(String name, BinaryOperator<Value> op, DoubleBinaryOperator f) {
    return Arguments.of(name, op, f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryOperations")
  void binaryGradientsMatchCentralDifferences(
      String name, BinaryOperator<Value> op, DoubleBinaryOperator f) {
    double[][] points = {{1.3, 0.6}, {-2.1, 1.7}, {0.45, -3.2}, {4.0, 2.5}};
    for (double[] p : points) {
      Value a = new Value(p[0]);
      Value b = new Value(p[1]);
      op.apply(a, b).backward();
      double da = centralDifference(x -> f.applyAsDouble(x, p[1]), p[0]);
      double db = centralDifference(y -> f.applyAsDouble(p[0], y), p[1]);
      String where = name + " at (" + p[0] + ", " + p[1] + ")";
      assertEquals(da, a.grad(), 1e-6 * Math.max(1, Math.abs(da)), "d/da of " + where);
      assertEquals(db, b.grad(), 1e-6 * Math.max(1, Math.abs(db)), "d/db of " + where);
    }
  }

  private static double centralDifference(DoubleUnaryOperator f, double x) {
    double h = 1e-5 * Math.max(1, Math.abs(x));
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }
}
