package dev.chainrule.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness reports a generated class that breaks the array part of the contract, rather than
 * hiding it: the harness hands generated code copies of a point's arrays, so a write into them
 * would otherwise go unseen, and it copies gradient arrays into one flat vector, where one of the
 * wrong length would shift every later coordinate. The classes here are written by hand in the
 * shape of generated ones, each breaking one rule; the processor never wrote them.
 */
class DifferentiableMethodTest {
  private static final String USER =
      """
      package probe;

      final class Broken {
        private Broken() {}

        static double writes(double[] xs) {
          return xs[0];
        }

        static double shortGradient(double[] xs) {
          return xs[0];
        }
      }
      """;

  /** A generated class for {@code Broken.NAME}, with {@code FORWARD} and {@code GRADIENT}. */
  private static final String GENERATED =
      """
      package probe;

      import dev.chainrule.graph.ComputationGraph;

      public final class Broken_NAME {
        private double[] gradXs;

        public double forward(double[] xs) {
          FORWARD
          gradXs = GRADIENT;
          return xs[0];
        }

        public void backward() {
          gradXs[0] += 1;
        }

        public void zeroGrad() {
          java.util.Arrays.fill(gradXs, 0.0);
        }

        public double[] gradXs() {
          return gradXs;
        }

        public static double tangent(double[] xs, double[] xsDot) {
          return xsDot[0];
        }

        public static ComputationGraph graph(double[] xs) {
          return new ComputationGraph("Broken.NAME");
        }
      }
      """;

  private static DifferentiableMethod writes;
  private static DifferentiableMethod shortGradient;

  @BeforeAll
  static void compile() {
    Compilation compilation =
        StrictCompiler.compileCleanly(
            List.of(
                JavaFileObjects.forSourceString("probe.Broken", USER),
                generated("writes", "xs[0] = -1;", "new double[xs.length]"),
                generated("shortGradient", "", "new double[xs.length - 1]")));
    List<DifferentiableMethod> methods =
        GeneratedClasses.differentiableMethods(
            new CompiledClassLoader(compilation, DifferentiableMethodTest.class.getClassLoader()));
    assertEquals(
        List.of("Broken.shortGradient", "Broken.writes"),
        methods.stream().map(DifferentiableMethod::name).toList());
    shortGradient = methods.get(0);
    writes = methods.get(1);
  }

  private static JavaFileObject generated(String name, String forward, String gradient) {
    return JavaFileObjects.forSourceString(
        "probe.Broken_" + name,
        GENERATED.replace("NAME", name).replace("FORWARD", forward).replace("GRADIENT", gradient));
  }

  @Test
  void writingIntoAnArgumentArrayIsReported() {
    Point point = new Point((Object) new double[] {0.5, 0.25});
    AssertionError error =
        assertThrows(AssertionError.class, () -> writes.newWorkspace().forward(point));
    assertTrue(error.getMessage().contains("wrote into its arguments"), error.getMessage());
    assertEquals(new Point((Object) new double[] {0.5, 0.25}), point, "the point itself");
  }

  @Test
  void aGradientArrayOfAnotherLengthThanTheArgumentIsReported() {
    Point point = new Point((Object) new double[] {0.5, 0.25, 0.75});
    AssertionError error = assertThrows(AssertionError.class, () -> shortGradient.gradient(point));
    assertTrue(error.getMessage().contains("gradXs() is of length 2"), error.getMessage());
  }
}
