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
 * tape and the gradient arrays are sized on first use and reused. Measured with the JVM's count of
 * bytes this thread allocated, around many calls of the MLP loss over a batch (two nested loops,
 * tape pushes and pops, array gradients). Calls go through exactly typed method handles, which box
 * nothing, so any byte counted is the generated code's.
 */
class SteadyStateAllocationTest {
  private static final int CALLS = 20_000;

  @Test
  void forwardAndBackwardOfTheMlpLossAllocateNothingInSteadyState() throws Throwable {
    DifferentiableMethod mlp = CompiledInputs.method("Loops.mlpLoss");
    Class<?> generated = mlp.generatedClass();
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
    double[] w = {0.3, -0.7, 0.1};
    double[] xs = new double[64];
    double[] ys = new double[64];
    for (int b = 0; b < xs.length; b++) {
      xs[b] = Math.sin(b);
      ys[b] = Math.cos(3 * b);
    }

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations");
    long thread = Thread.currentThread().getId();
    double sink = 0;
    for (int i = 0; i < CALLS; i++) { // warm up: first use sizes the tape, the JIT compiles
      sink += (double) forward.invokeExact(workspace, w, xs, ys);
      backward.invokeExact(workspace);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < CALLS; i++) {
      sink += (double) forward.invokeExact(workspace, w, xs, ys);
      backward.invokeExact(workspace);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(Double.isFinite(sink));
    assertEquals(0, allocated, allocated + " bytes allocated over " + CALLS + " calls");

    // The count does see the generated code: a fresh workspace's first call sizes its arrays.
    Object fresh = generated.getConstructor().newInstance();
    before = threads.getThreadAllocatedBytes(thread);
    sink += (double) forward.invokeExact(fresh, w, xs, ys);
    backward.invokeExact(fresh);
    long firstCall = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(firstCall >= 64 * 8, "the first call allocated only " + firstCall + " bytes");
  }
}
