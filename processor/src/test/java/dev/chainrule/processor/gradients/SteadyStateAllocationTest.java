package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Once a workspace has seen its inputs, {@code forward} + {@code backward} allocate nothing: the
 * tape, the gradient arrays and local arrays are sized on first use and reused. Measured with the
 * JVM's count of bytes this thread allocated, around many calls of MLP losses (nested loops, tape
 * pushes and pops, array gradients, a hidden layer in a local array). Calls go through exactly
 * typed method handles, which box nothing, so any byte counted is the generated code's.
 */
class SteadyStateAllocationTest {
  private static final int CALLS = 5_000;

  @Test
  void forwardAndBackwardOfAnMlpLossOverABatchAllocateNothingInSteadyState() throws Throwable {
    double[] xs = new double[64];
    double[] ys = new double[64];
    for (int b = 0; b < xs.length; b++) {
      xs[b] = Math.sin(b);
      ys[b] = Math.cos(3 * b);
    }
    assertNoSteadyStateAllocation("Loops.mlpLoss", new double[] {0.3, -0.7, 0.1}, xs, ys);
  }

  /**
   * The hidden layer in a local array, rewritten for every sample of a batch of 64: the array and
   * its adjoints are buffers of the workspace.
   */
  @Test
  void aLocalArrayAllocatesNothingInSteadyStateEither() throws Throwable {
    double[] w1 = new double[16];
    double[] w2 = new double[16];
    for (int j = 0; j < w2.length; j++) {
      w1[j] = Math.sin(j) / 2;
      w2[j] = Math.cos(j) / 4;
    }
    double[] xs = new double[64];
    double[] ys = new double[64];
    for (int b = 0; b < xs.length; b++) {
      xs[b] = Math.sin(b);
      ys[b] = Math.cos(3 * b);
    }
    assertNoSteadyStateAllocation("LocalArrays.mlpBatch", w1, w2, xs, ys);
  }

  private static void assertNoSteadyStateAllocation(String name, double[]... arguments)
      throws Throwable {
    DifferentiableMethod method = CompiledInputs.method(name);
    Class<?> generated = method.generatedClass();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    Class<?>[] parameters = new Class<?>[arguments.length];
    Arrays.fill(parameters, double[].class);
    MethodType forwardType = MethodType.methodType(double.class, parameters);
    // (Object, double[][]) -> double: the arguments are spread from one array, nothing is boxed.
    MethodHandle forward =
        lookup
            .findVirtual(generated, "forward", forwardType)
            .asType(forwardType.insertParameterTypes(0, Object.class))
            .asSpreader(double[][].class, arguments.length);
    MethodHandle backward =
        lookup
            .findVirtual(generated, "backward", MethodType.methodType(void.class))
            .asType(MethodType.methodType(void.class, Object.class));
    Object workspace = generated.getConstructor().newInstance();

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations");
    long thread = Thread.currentThread().getId();
    double sink = 0;
    for (int i = 0; i < CALLS; i++) { // warm up: first use sizes the tape, the JIT compiles
      sink += (double) forward.invokeExact(workspace, arguments);
      backward.invokeExact(workspace);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < CALLS; i++) {
      sink += (double) forward.invokeExact(workspace, arguments);
      backward.invokeExact(workspace);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(Double.isFinite(sink));
    assertEquals(0, allocated, name + ": " + allocated + " bytes over " + CALLS + " calls");

    // The count does see the generated code: a fresh workspace's first call sizes its arrays.
    Object fresh = generated.getConstructor().newInstance();
    before = threads.getThreadAllocatedBytes(thread);
    sink += (double) forward.invokeExact(fresh, arguments);
    backward.invokeExact(fresh);
    long firstCall = threads.getThreadAllocatedBytes(thread) - before;
    int elements = Arrays.stream(arguments).mapToInt(a -> a.length).sum();
    assertTrue(firstCall >= 8 * elements, name + ": the first call allocated " + firstCall + " B");
  }
}
