package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.DifferentiableMethod.DifferentiableParameter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each generated class has the shape CONTRACT.md pins, which the gradient tests take for granted:
 * public and final, instance forward/backward/zeroGrad, one public {@code gradX()} per double or
 * double[] parameter (those {@code wrt} lists, if it lists any), returning a double or a double[],
 * and none for the others, int, long, boolean or int[] ones included, and static tangent (taking a
 * direction of each differentiated parameter's type) and graph. Finding the members at all is
 * checked when the method is loaded; this checks their modifiers and that there is nothing extra
 * that looks like a gradient accessor.
 */
class GeneratedApiTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void generatedClassHasTheContractsShape(DifferentiableMethod method) throws Exception {
    Class<?> generated = method.generatedClass();
    Class<?>[] types = method.parameterTypes();
    List<DifferentiableParameter> differentiable = method.differentiableParameters();
    // One direction per differentiable parameter, of its type: a double[] for a double[].
    Class<?>[] tangentTypes =
        Stream.concat(
                Arrays.stream(types), differentiable.stream().map(DifferentiableParameter::type))
            .toArray(Class<?>[]::new);
    List<String> accessors =
        Arrays.stream(generated.getMethods())
            .map(Method::getName)
            .filter(name -> name.startsWith("grad") && !name.equals("graph"))
            .sorted()
            .toList();
    assertAll(
        () -> assertTrue(Modifier.isPublic(generated.getModifiers()), "public class"),
        () -> assertTrue(Modifier.isFinal(generated.getModifiers()), "final class"),
        () ->
            assertEquals(
                generated.getPackage(), method.original().getDeclaringClass().getPackage()),
        () -> assertInstance(generated.getMethod("forward", types), double.class),
        () -> assertInstance(generated.getMethod("backward"), void.class),
        () -> assertInstance(generated.getMethod("zeroGrad"), void.class),
        () -> assertStatic(generated.getMethod("tangent", tangentTypes), double.class),
        () -> assertStatic(generated.getMethod("graph", types), ComputationGraph.class),
        () ->
            assertEquals(
                method.differentiableParameterNames().stream()
                    .map(DifferentiableMethod::accessorName)
                    .sorted()
                    .toList(),
                accessors,
                "gradient accessors"),
        () -> assertAccessorTypes(generated, differentiable));
  }

  /** {@code double gradX()} for a double, {@code double[] gradXs()} for a double[]. */
  private static void assertAccessorTypes(
      Class<?> generated, List<DifferentiableParameter> differentiable) throws Exception {
    for (DifferentiableParameter parameter : differentiable) {
      Method accessor = generated.getMethod(DifferentiableMethod.accessorName(parameter.name()));
      assertInstance(accessor, parameter.type());
    }
  }

  private static void assertInstance(Method member, Class<?> returnType) {
    assertTrue(!Modifier.isStatic(member.getModifiers()), member + " is an instance method");
    assertEquals(returnType, member.getReturnType(), member + " return type");
  }

  private static void assertStatic(Method member, Class<?> returnType) {
    assertTrue(Modifier.isStatic(member.getModifiers()), member + " is static");
    assertEquals(returnType, member.getReturnType(), member + " return type");
  }
}
