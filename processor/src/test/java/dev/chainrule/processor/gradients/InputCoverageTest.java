package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.InputSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The parameterized tests run over the differentiable methods found by their generated classes;
 * these checks make sure that set is the whole of the inputs, array parameters included, and that
 * the inputs still exercise every function the processor supports, so a skipped method or a trimmed
 * input cannot quietly shrink what the suite covers.
 */
class InputCoverageTest {
  private static final List<String> FUNCTIONS =
      List.of(
          "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "exp",
          "expm1", "log", "log10", "log1p", "sqrt", "cbrt", "pow", "hypot", "abs", "max", "min",
          "signum", "floor", "ceil", "rint");

  @Test
  void everyAnnotatedMethodHasAGeneratedClass() {
    Set<String> found =
        CompiledInputs.differentiableMethods().stream()
            .map(DifferentiableMethod::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(CompiledInputs.get().annotatedMethods()), found);
    assertTrue(found.contains("Seed.andGate"), () -> "the seed is missing from " + found);
    assertTrue(found.contains("Nested.Inner.Deeper.product"), () -> "nesting is missing: " + found);
    assertTrue(found.contains("ArrayParameters.dot3"), () -> "arrays are missing: " + found);
  }

  @Test
  void inputsCallEverySupportedFunctionThroughMathAndStrictMath() throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path path : InputSources.paths()) {
      text.append(Files.readString(path));
    }
    List<String> missing = new ArrayList<>();
    for (String function : FUNCTIONS) {
      for (String owner : List.of("Math.", "StrictMath.")) {
        if (!text.toString().contains(owner + function + "(")) {
          missing.add(owner + function);
        }
      }
    }
    assertTrue(missing.isEmpty(), () -> "no input calls " + missing);
  }
}
