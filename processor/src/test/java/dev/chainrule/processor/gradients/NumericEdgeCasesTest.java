package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SingleSource;
import org.junit.jupiter.api.Test;

/**
 * The numeric conventions the README documents, each derived by hand and matching IEEE 754 and what
 * PyTorch gives: infinite derivatives where the function is vertical, NaN that goes in comes out,
 * forward equal to the user's method bit for bit even at the edges.
 */
class NumericEdgeCasesTest {

  private static DifferentiableMethod compile(String name, String body) {
    return SingleSource.compileOne(
        "probe." + name,
        """
        package probe;

        import dev.chainrule.Differentiable;

        final class NAME {
          private NAME() {}

          @Differentiable
          static double f(double x, double y) {
            BODY
          }
        }
        """
            .replace("NAME", name)
            .replace("BODY", body));
  }

  private static void assertBitIdenticalForward(DifferentiableMethod method, Point point) {
    assertEquals(
        Double.doubleToLongBits(method.invokeOriginal(point)),
        Double.doubleToLongBits(method.newWorkspace().forward(point)),
        method.at(point));
  }

  @Test
  void sqrtAndLogAtZeroHaveInfiniteDerivatives() {
    DifferentiableMethod sqrt = compile("SqrtAtZero", "return Math.sqrt(x) + 0 * y;");
    assertEquals(Double.POSITIVE_INFINITY, sqrt.gradient(new Point(0.0, 1.0))[0]);
    DifferentiableMethod log = compile("LogAtZero", "return Math.log(x) + 0 * y;");
    assertEquals(Double.POSITIVE_INFINITY, log.gradient(new Point(0.0, 1.0))[0]);
    assertBitIdenticalForward(log, new Point(0.0, 1.0));
  }

  @Test
  void powOfANegativeBaseToAnIntegerExponent() {
    // d/dx x^3 = 3 x^2 = 12 at x = -2; d/dy x^y = x^y ln x is NaN for a negative base.
    DifferentiableMethod pow = compile("NegativeBase", "return Math.pow(x, 3) + Math.pow(x, y);");
    double[] gradient = pow.gradient(new Point(-2.0, 2.0));
    assertEquals(12 + 2 * -2.0, gradient[0], 1e-12);
    assertTrue(Double.isNaN(gradient[1]));
  }

  @Test
  void powOfZeroToTheZero() {
    DifferentiableMethod pow = compile("ZeroToZero", "return Math.pow(x, y);");
    Point point = new Point(0.0, 0.0);
    assertEquals(1.0, pow.newWorkspace().forward(point));
    assertEquals(0.0, pow.gradient(point)[0]);
    assertEquals(0.0, pow.gradient(point)[1]);
  }

  @Test
  void divisionByZeroAndOverflowFollowIeee() {
    DifferentiableMethod divide = compile("DivideByZero", "return x / y;");
    double[] gradient = divide.gradient(new Point(1.0, 0.0));
    assertEquals(Double.POSITIVE_INFINITY, gradient[0]);
    assertEquals(Double.NEGATIVE_INFINITY, gradient[1]);
    DifferentiableMethod exp = compile("Overflow", "return Math.exp(x) * y;");
    assertEquals(Double.POSITIVE_INFINITY, exp.gradient(new Point(1000.0, 1.0))[0]);
    assertBitIdenticalForward(exp, new Point(1000.0, -1.0));
  }

  @Test
  void nanInputsGiveNanGradients() {
    DifferentiableMethod product = compile("NanInput", "return x * y + Math.sin(x);");
    double[] gradient = product.gradient(new Point(Double.NaN, 1.0));
    assertTrue(Double.isNaN(gradient[0]));
    assertTrue(Double.isNaN(gradient[1]));
  }

  @Test
  void deadNanDoesNotReachTheGradient() {
    DifferentiableMethod dead =
        compile("DeadAcos", "double unused = Math.acos(2.0 + x) * y; return x * y;");
    double[] gradient = dead.gradient(new Point(0.5, 3.0));
    assertEquals(3.0, gradient[0]);
    assertEquals(0.5, gradient[1]);
  }

  @Test
  void theBranchNotTakenCannotPoisonTheGradient() {
    DifferentiableMethod relu = compile("SafeSqrt", "return x > 0 ? Math.sqrt(x) * y : y;");
    double[] gradient = relu.gradient(new Point(-1.0, 2.0));
    assertEquals(0.0, gradient[0]);
    assertEquals(1.0, gradient[1]);
  }
}
