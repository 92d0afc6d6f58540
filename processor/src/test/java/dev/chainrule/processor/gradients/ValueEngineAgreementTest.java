package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.autograd.Value;
import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A second opinion: the interpreted Value engine, micrograd's way of differentiating, gives the
 * same gradients as the generated code for inputs it can express. Each expression below is written
 * again with Values, by hand, from the input's source.
 */
class ValueEngineAgreementTest {

  static List<Arguments> expressions() {
    return List.of(
        Arguments.of(
            "Seed.andGate",
            (Function<List<Value>, Value>)
                v -> v.get(0).add(v.get(1)).mul(v.get(2)).add(v.get(3)).sub(v.get(4))),
        Arguments.of(
            "MathFunctions.sin",
            (Function<List<Value>, Value>) v -> v.get(0).mul(3.0).sin().mul(v.get(0))),
        Arguments.of(
            "MathFunctions.cos",
            (Function<List<Value>, Value>) v -> v.get(0).mul(v.get(1)).cos().add(v.get(1))),
        Arguments.of(
            "MathFunctions.tanh",
            (Function<List<Value>, Value>) v -> v.get(0).mul(3.0).sub(1.5).tanh()),
        Arguments.of(
            "MathFunctions.exp",
            (Function<List<Value>, Value>) v -> v.get(0).mul(v.get(1)).exp().div(v.get(1))),
        Arguments.of(
            "Calls.loss",
            (Function<List<Value>, Value>)
                v -> {
                  Value w = v.get(0);
                  Value error = w.mul(v.get(1)).add(v.get(2)).tanh().sub(v.get(3));
                  return error.mul(error).add(w.mul(w).mul(0.01));
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void valueEngineAgreesWithGeneratedGradients(String name, Function<List<Value>, Value> f) {
    DifferentiableMethod method = CompiledInputs.method(name);
    Random random = new Random(name.hashCode());
    List<Executable> checks = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      Object[] arguments = new Object[method.parameterTypes().length];
      List<Value> values = new ArrayList<>();
      for (int i = 0; i < arguments.length; i++) {
        double x = 0.2 + 0.7 * random.nextDouble();
        arguments[i] = x;
        values.add(new Value(x));
      }
      Point point = new Point(arguments);
      Value result = f.apply(values);
      result.backward();
      double[] generated = method.gradient(point);
      checks.add(() -> assertEquals(method.invokeOriginal(point), result.data(), 1e-12));
      for (int i = 0; i < generated.length; i++) {
        double expected = values.get(i).grad();
        double actual = generated[i];
        checks.add(
            () ->
                assertEquals(
                    expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), method.at(point)));
      }
    }
    assertAll(checks);
  }
}
