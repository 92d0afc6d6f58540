package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.autograd.Value;
import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.Coordinates;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SamplePoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A second opinion: the interpreted Value engine, micrograd's way of differentiating, gives the
 * same gradients as the generated code for inputs it can express. Each expression below is written
 * again with Values, by hand, from the input's source, reading one Value per coordinate by its
 * name: {@code x}, or {@code w[2]} for an array element. An input whose result also depends on int
 * arguments (an index, a count) is left out, as a function of Values alone cannot say it.
 */
class ValueEngineAgreementTest {
  private static final int POINTS = 6;

  static List<Arguments> expressions() {
    return List.of(
        expression(
            "Seed.andGate",
            v -> v.get("n1").add(v.get("n2")).mul(v.get("n4")).add(v.get("n6")).sub(v.get("n8"))),
        expression("MathFunctions.sin", v -> v.get("x").mul(3.0).sin().mul(v.get("x"))),
        expression("MathFunctions.cos", v -> v.get("x").mul(v.get("y")).cos().add(v.get("y"))),
        expression("MathFunctions.tanh", v -> v.get("x").mul(3.0).sub(1.5).tanh()),
        expression("MathFunctions.exp", v -> v.get("x").mul(v.get("y")).exp().div(v.get("y"))),
        expression(
            "Calls.loss",
            v -> {
              Value w = v.get("w");
              Value error = w.mul(v.get("x")).add(v.get("b")).tanh().sub(v.get("label"));
              return error.mul(error).add(w.mul(w).mul(0.01));
            }),
        expression(
            "ArrayParameters.dot3",
            v ->
                v.get("w[0]")
                    .mul(v.get("x[0]"))
                    .add(v.get("w[1]").mul(v.get("x[1]")))
                    .add(v.get("w[2]").mul(v.get("x[2]")))));
  }

  private static Arguments expression(String name, Function<Map<String, Value>, Value> f) {
    return Arguments.of(name, f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void valueEngineAgreesWithGeneratedGradients(String name, Function<Map<String, Value>, Value> f) {
    DifferentiableMethod method = CompiledInputs.method(name);
    List<Executable> checks = new ArrayList<>();
    for (Point point : SamplePoints.of(method, POINTS)) {
      Coordinates coordinates = method.coordinates(point);
      Map<String, Value> values = new LinkedHashMap<>();
      for (int k = 0; k < coordinates.size(); k++) {
        values.put(coordinates.name(k), new Value(coordinates.value(k)));
      }
      Value result = f.apply(values);
      result.backward();
      double[] generated = method.gradient(point);
      checks.add(
          () -> assertEquals(method.invokeOriginal(point), result.data(), 1e-12, method.at(point)));
      for (int k = 0; k < generated.length; k++) {
        double expected = values.get(coordinates.name(k)).grad();
        double actual = generated[k];
        String what = method.at(point) + " d/d" + coordinates.name(k);
        checks.add(
            () -> assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what));
      }
    }
    assertAll(checks);
  }
}
