package dev.chainrule.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.fuzz.Ast.Method;
import dev.chainrule.processor.fuzz.Ast.Program;
import dev.chainrule.processor.fuzz.Harness.Outcome;
import dev.chainrule.processor.testing.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fuzz test's own machinery, without javac: the generator keeps its promises, the
 * finite-difference policy tells agreement, disagreement and non-smoothness apart, and the shrinker
 * finds a small program.
 */
class FuzzSelfTest {

  /**
   * Generated programs are valid (the {@link Validator}'s rules: names in scope, jumps where the
   * subset allows them, no unreachable code, no body that completes) and run without an index out
   * of range, a division by zero or an endless loop, at any point.
   */
  @Test
  void generatedProgramsAreValidAndRun() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      SplittableRandom random = new SplittableRandom(i);
      Program p = Generator.program("P" + i, random);
      if (!Validator.valid(p)) {
        problems.add("invalid:\n" + Printer.print(p));
        continue;
      }
      for (Method m : p.methods()) {
        for (int k = 0; k < 3; k++) {
          Point point = Harness.samplePoint(m, random);
          try {
            Interpreter.doubles(p, m, point.arguments());
          } catch (RuntimeException e) {
            if (!Harness.hasEmptyArray(point)) { // where an element read has no valid index
              problems.add(m.name() + point + " throws " + e + ":\n" + Printer.print(p));
            }
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), () -> problems.size() + " problems, first:\n" + problems.get(0));
  }

  /**
   * Some generated methods have a {@code wrt}, never one another method calls; the printer writes
   * it, and every shrinking candidate keeps it to names of the method's double and double[]
   * parameters (a parameter dropped is dropped from the list too).
   */
  @Test
  void wrtIsPrintedAndKeptValidWhileShrinking() {
    int withWrt = 0;
    for (int i = 0; i < 400 && withWrt < 25; i++) {
      Program p = Generator.program("P" + i, new SplittableRandom(i));
      if (p.methods().stream().allMatch(m -> m.wrt().isEmpty())) {
        continue;
      }
      withWrt++;
      String source = Printer.print(p);
      for (Method m : p.methods()) {
        if (!m.wrt().isEmpty()) {
          assertTrue(source.contains(Printer.annotation(m)), source);
          assertTrue(Printer.annotation(m).startsWith("@Differentiable(wrt = "), source);
        }
      }
      for (Program c : Shrinker.candidates(p)) {
        for (Method m : c.methods()) {
          assertTrue(
              Validator.wrtValid(m), () -> m.wrt() + " after shrinking:\n" + Printer.print(c));
        }
      }
    }
    assertTrue(withWrt >= 25, "too few programs with a wrt: " + withWrt);
  }

  @Test
  void finiteDifferencesAgreeWithACorrectDerivative() {
    double x = 0.7;
    assertEquals(
        Outcome.AGREES, Harness.compare(t -> Math.sin(3 * t), x, 3 * Math.cos(3 * x), 1).outcome());
    assertEquals(
        Outcome.AGREES,
        Harness.compare(t -> Math.exp(t) * 100, x, 100 * Math.exp(x), 100 * Math.exp(x)).outcome());
  }

  @Test
  void finiteDifferencesCatchAWrongDerivative() {
    double x = 0.7;
    double right = 3 * Math.cos(3 * x);
    assertEquals(
        Outcome.DISAGREES, Harness.compare(t -> Math.sin(3 * t), x, right * 1.001, 1).outcome());
    assertEquals(Outcome.DISAGREES, Harness.compare(t -> Math.sin(3 * t), x, -right, 1).outcome());
    assertEquals(
        Outcome.DISAGREES, Harness.compare(t -> Math.sin(3 * t), x, Double.NaN, 1).outcome());
    assertEquals(Outcome.DISAGREES, Harness.compare(t -> Math.sin(3 * t), x, 0, 1).outcome());
  }

  /** A jump or a kink within the step makes no estimate; one far away does not matter. */
  @Test
  void finiteDifferencesSkipPointsNearAJumpOrAKink() {
    double x = 0.7;
    assertEquals(Outcome.NOT_SMOOTH, Harness.compare(t -> t > x + 1e-7 ? 1 : 0, x, 0, 1).outcome());
    assertEquals(Outcome.NOT_SMOOTH, Harness.compare(t -> t > x - 4e-6 ? t : 0, x, 1, 1).outcome());
    assertEquals(
        Outcome.NOT_SMOOTH, Harness.compare(t -> Math.abs(t - x - 1e-6), x, -1, 1).outcome());
    assertEquals(
        Outcome.NOT_SMOOTH, Harness.compare(t -> Math.floor(t * 1e5), x + 1e-6, 0, 1e5).outcome());
    assertEquals(Outcome.AGREES, Harness.compare(t -> Math.abs(t - x - 0.1), x, -1, 1).outcome());
    assertEquals(Outcome.AGREES, Harness.compare(t -> t > x + 0.01 ? 1 : 0, x, 0, 1).outcome());
  }

  /**
   * At a kink exactly at the point the central differences converge to the mean slope, which is not
   * every function's derivative there: such a coordinate is skipped.
   */
  @Test
  void finiteDifferencesSkipAKinkAtThePoint() {
    assertEquals(Outcome.KINK, Harness.compare(t -> Math.max(t, 0.5), 0.5, 0.5, 1).outcome());
    assertEquals(Outcome.KINK, Harness.compare(t -> t > 0.5 ? t : 0.5, 0.5, 0, 1).outcome());
    assertEquals(Outcome.KINK, Harness.compare(Math::abs, 0, 0, 1).outcome());
    assertEquals(Outcome.AGREES, Harness.compare(t -> Math.max(t, t), 0.5, 1, 1).outcome());
  }

  @Test
  void finiteDifferencesSkipPointsNearTheEdgeOfTheDomain() {
    assertEquals(Outcome.NOT_FINITE, Harness.compare(Math::log, 1e-7, 1e7, 1).outcome());
  }

  /**
   * With an oracle that calls a program failing when it uses {@code Math.cosh}, the shrinker ends
   * at a one-method program that does little else.
   */
  @Test
  void shrinkingFindsASmallProgram() {
    Program found = null;
    for (int seed = 0; found == null; seed++) {
      Program p = Generator.program("P", new SplittableRandom(seed));
      if (p.methods().size() > 1 && Ast.size(p) > 150 && Printer.print(p).contains("Math.cosh(")) {
        found = p;
      }
    }
    Program program = found;
    Harness.Failure failure = new Harness.Failure("P", "P.f", "uses cosh", "");
    Shrinker.Result result =
        Shrinker.shrink(
            program,
            failure,
            candidates -> {
              List<Harness.Failure> out = new ArrayList<>();
              for (Program c : candidates) {
                out.add(Printer.print(c).contains("Math.cosh(") ? failure : null);
              }
              return out;
            },
            System.nanoTime() + 60_000_000_000L);
    String source = Printer.print(result.program());
    assertNotNull(result.failure());
    assertTrue(result.complete(), "shrinking should end before the time limit");
    assertTrue(source.contains("Math.cosh("), source);
    assertEquals(1, result.program().methods().size(), source);
    assertTrue(Ast.size(result.program()) <= 8, () -> Ast.size(program) + " nodes to:\n" + source);
  }
}
