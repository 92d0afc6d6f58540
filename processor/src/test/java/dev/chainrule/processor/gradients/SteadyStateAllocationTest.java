package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
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

  /** A hidden layer in a local array: the array and its adjoints are buffers of the workspace. */
  @Test
  void aLocalArrayAllocatesNothingInSteadyStateEither() throws Throwable {
    double[] w1 = new double[16 * 8];
    double[] w2 = new double[16];
    double[] x = new double[8];
    for (int i = 0; i < w1.length; i++) {
      w1[i] = Math.sin(i) / 4;
    }
    for (int j = 0; j < w2.length; j++) {
      w2[j] = Math.cos(j) / 4;
    }
    for (int k = 0; k < x.length; k++) {
      x[k] = k / 8.0;
    }
    assertNoSteadyStateAllocation("LocalArrays.mlp", w1, w2, x);
  }

  private static void assertNoSteadyStateAllocation(String name, double[] a, double[] b, double[] c)
      throws Throwable {
    DifferentiableMethod method = CompiledInputs.method(name);
    Class<?> generated = method.generatedClass();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    MethodType forwardType =
        MethodType.methodType(double.class, double[].class, double[].class, double[].class);
    MethodHandle forward =
        lookup
            .findVirtual(generated, "forward", forwardType)
            .asType(forwardType.insertParameterTypes(0, Object.class));
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
      sink += (double) forward.invokeExact(workspace, a, b, c);
      backward.invokeExact(workspace);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < CALLS; i++) {
      sink += (double) forward.invokeExact(workspace, a, b, c);
      backward.invokeExact(workspace);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(Double.isFinite(sink));
    assertEquals(0, allocated, name + ": " + allocated + " bytes over " + CALLS + " calls");

    // The count does see the generated code: a fresh workspace's first call sizes its arrays.
    Object fresh = generated.getConstructor().newInstance();
    before = threads.getThreadAllocatedBytes(thread);
    sink += (double) forward.invokeExact(fresh, a, b, c);
    backward.invokeExact(fresh);
    long firstCall = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(firstCall >= 8 * c.length, name + ": the first call allocated " + firstCall + " B");
  }
}
