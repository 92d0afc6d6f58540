package dev.chainrule.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

  /** f(x, y) = sin(x) y^2 + exp(x y), with its gradient by hand. */
  static final ToDoubleFunction<double[]> F =
      p -> Math.sin(p[0]) * p[1] * p[1] + Math.exp(p[0] * p[1]);

  static double[] gradientOfF(double[] p) {
    double x = p[0];
    double y = p[1];
    double e = Math.exp(x * y);
    return new double[] {Math.cos(x) * y * y + y * e, 2 * Math.sin(x) * y + x * e};
  }

  /** The same with d/dy missing its exp term: the mistake the check must catch. */
  static double[] wrongGradientOfF(double[] p) {
    double[] g = gradientOfF(p);
    g[1] -= p[0] * Math.exp(p[0] * p[1]);
    return g;
  }

  @Test
  void aCorrectGradientPassesWithRoomToSpare() {
    GradientReport report =
        GradientCheck.of(F, GradientCheckTest::gradientOfF)
            .names("x", "y")
            .checkAtRandomPoints(Box.cube(2, -2, 2), 50, 1);
    assertTrue(report.passed());
    for (GradientReport.Parameter p : report.parameters()) {
      assertTrue(p.worstError() < 1e-8, p.name() + ": " + p.worstError());
    }
  }

  @Test
  void aWrongGradientFailsAndTheReportNamesTheParameter() {
    GradientReport report =
        GradientCheck.of(F, GradientCheckTest::wrongGradientOfF)
            .names("x", "y")
            .atRandomPoints(Box.cube(2, -2, 2), 50, 1);
    assertFalse(report.passed());
    assertEquals(List.of("y"), report.failures().stream().map(p -> p.name()).toList());
    assertTrue(report.parameter("x").passed());
    assertTrue(report.parameter("y").worstError() > 0.1);
    assertTrue(
        report.toString().startsWith("gradient check at 50 points: FAILED for y"),
        report::toString);
  }

  @Test
  void checkThrowsAnAssertionErrorCarryingTheReport() {
    GradientCheckFailure failure =
        assertThrows(
            GradientCheckFailure.class,
            () ->
                GradientCheck.of(F, GradientCheckTest::wrongGradientOfF)
                    .check(new double[] {1, 2}, new double[] {-1, 0.5}));
    assertTrue(failure instanceof AssertionError);
    assertEquals(failure.report().toString(), failure.getMessage());
    assertTrue(failure.getMessage().contains("FAILED for x[1]"), failure::getMessage);
  }

  @Test
  void theWorstPointIsReported() {
    double[] bad = {1.5, 0.25};
    GradientReport report =
        GradientCheck.of(
                F, p -> p[0] == bad[0] && p[1] == bad[1] ? wrongGradientOfF(p) : gradientOfF(p))
            .at(new double[] {0, 1}, bad, new double[] {-1, -1});
    GradientReport.Parameter y = report.parameters().get(1);
    assertArrayEquals(bad, y.point());
    assertEquals(wrongGradientOfF(bad)[1], y.claimed());
    assertEquals(gradientOfF(bad)[1], y.numerical(), 1e-8);
  }

  @Test
  void aWrongWorkspaceGradientIsCaughtThroughTheLambda() {
    assertTrue(
        new NeuronLoss(false).check().checkAtRandomPoints(Box.cube(4, -2, 2), 20, 42).passed());
    GradientCheckFailure failure =
        assertThrows(
            GradientCheckFailure.class,
            () -> new NeuronLoss(true).check().checkAtRandomPoints(Box.cube(4, -2, 2), 20, 42));
    assertEquals(List.of("b"), failure.report().failures().stream().map(p -> p.name()).toList());
  }

  @Test
  void randomPointsAreReproducibleAndInsideTheBox() {
    Box box = new Box(new double[] {-1, 10}, new double[] {1, 10.5});
    double[][] points = box.sample(100, 7);
    assertArrayEquals(points, box.sample(100, 7));
    for (double[] p : points) {
      assertTrue(p[0] >= -1 && p[0] <= 1 && p[1] >= 10 && p[1] <= 10.5);
    }
    assertFalse(points[0][0] == box.sample(100, 8)[0][0]);
  }

  @Test
  void belowTheFloorDerivativesAreComparedAbsolutely() {
    // f = x^2 at x = 0: the central difference is exactly 0. A claimed 1e-10 is off by 100% in
    // relative terms, but only 1e-10 / 1e-4 = 1e-6 against the floor: it passes; 1e-8 does not.
    ToDoubleFunction<double[]> square = p -> p[0] * p[0];
    GradientReport tiny = GradientCheck.of(square, p -> new double[] {1e-10}).at(new double[1]);
    assertEquals(1e-6, tiny.parameters().get(0).worstError(), 1e-18);
    assertTrue(tiny.passed());
    assertFalse(GradientCheck.of(square, p -> new double[] {1e-8}).at(new double[1]).passed());
  }

  @Test
  void theFloorGrowsWithTheFunctionsValue() {
    // Rounding in f(x +- h) grows with |f|, so the floor does too: here 1e-4 * 1e6 = 100.
    GradientReport report =
        GradientCheck.of(p -> 1e6 + p[0] * p[0], p -> new double[] {1e-3}).at(new double[1]);
    assertEquals(1e-5, report.parameters().get(0).worstError(), 1e-12);
  }

  @Test
  void aNanGradientFails() {
    GradientReport report =
        GradientCheck.of(F, p -> new double[] {Double.NaN, gradientOfF(p)[1]})
            .at(new double[] {1, 1}, new double[] {0, 0});
    assertTrue(Double.isNaN(report.parameters().get(0).worstError()));
    assertEquals(List.of("x[0]"), report.failures().stream().map(p -> p.name()).toList());
  }

  @Test
  void theReportReadsAsATable() {
    GradientReport report =
        new GradientReport(
            List.of(
                new GradientReport.Parameter(
                    "w", 0, 3.1e-11, -0.65885, -0.65885, new double[] {0.5, 0.125}, true),
                new GradientReport.Parameter(
                    "bias", 1, 0.5, -1.3177, -0.65885, new double[] {0.5, 0.125}, false)),
            20,
            new GradientReport.Settings(6.055454452393343e-6, 1e-5, 1e-4));
    assertEquals(
        String.join(
            System.lineSeparator(),
            "gradient check at 20 points: FAILED for bias",
            "  parameter  worst error  claimed        numerical      at point",
            "  w          3.1e-11      -0.658850      -0.658850      (0.5, 0.125)",
            "  bias       0.50         -1.31770       -0.658850      (0.5, 0.125)   FAILED",
            "error = |claimed - numerical| / max(|claimed|, |numerical|, 0.0001 * max(1, |f|)),"
                + " tolerance 1e-05, central differences with step 6.1e-06 * max(1, |x|)"),
        report.toString());
  }

  @Test
  void badInputsAreRejectedWithWhatAndWhere() {
    GradientCheck check = GradientCheck.of(F, GradientCheckTest::gradientOfF).names("x", "y");
    assertEquals(
        "GradientCheck: no points given; give at least one",
        assertThrows(IllegalArgumentException.class, check::at).getMessage());
    assertEquals(
        "GradientCheck: point 1 has 3 coordinates but the check has 2 names [x, y]",
        assertThrows(
                IllegalArgumentException.class,
                () -> check.at(new double[] {1, 2}, new double[] {1, 2, 3}))
            .getMessage());
    assertEquals(
        "GradientCheck: point 0 has NaN in coordinate y",
        assertThrows(IllegalArgumentException.class, () -> check.at(new double[] {1, Double.NaN}))
            .getMessage());
    assertEquals(
        "GradientCheck: the gradient function returned 1 components at point 0 [1.0, 2.0], which"
            + " has 2 coordinates; return one derivative per coordinate",
        assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.of(F, p -> new double[1]).at(new double[] {1, 2}))
            .getMessage());
    assertEquals(
        "GradientCheck: step must be a finite number > 0, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> check.step(0)).getMessage());
    assertEquals(
        "Box: coordinate 1 has bounds [3.0, 2.0]; bounds must be finite with lower <= upper",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Box(new double[] {0, 3}, new double[] {1, 2}))
            .getMessage());
    assertEquals(
        "Box: the number of points must be at least 1, got 0",
        assertThrows(
                IllegalArgumentException.class, () -> check.atRandomPoints(Box.cube(2, 0, 1), 0, 1))
            .getMessage());
    assertEquals(
        "GradientReport: no parameter named z; the parameters are [x, y]",
        assertThrows(
                IllegalArgumentException.class, () -> check.at(new double[] {1, 2}).parameter("z"))
            .getMessage());
  }

  @Test
  void theFunctionNeverSeesTheCallersArrayAndMayReuseItsOwn() {
    double[] point = {0.5, -0.5};
    double[] shared = new double[2];
    GradientReport report =
        GradientCheck.of(
                F,
                p -> {
                  double[] g = gradientOfF(p);
                  shared[0] = g[0];
                  shared[1] = g[1];
                  return shared;
                })
            .check(point);
    assertArrayEquals(new double[] {0.5, -0.5}, point);
    assertSame(report, report.assertPassed());
  }
}
