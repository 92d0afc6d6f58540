package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The reverse-mode baseline allocates nothing per gradient once its workspace has seen its input,
 * counted exactly, by this thread's allocated bytes around a few calls.
 *
 * <p>JMH's {@code gc.alloc.rate.norm} can show a byte or so per call for the slow workloads: it
 * divides the bytes the whole JVM allocated in an iteration, the harness's own few kilobytes
 * included, by the calls in it, and a 200 µs gradient makes only a few thousand calls a second.
 * This test is the exact count behind the table's "0 B" target.
 */
class ReverseAllocationTest {
  static final Iterable<String> WORKLOADS = Workloads.NAMES;

  private static final int CALLS = 20;
  private static final int WINDOWS = 20;

  @ParameterizedTest
  @FieldSource("WORKLOADS")
  void reverseModeAllocatesNothingInSteadyState(String name) {
    Workload w = Workloads.create(name);
    double[] x = w.point(new SplittableRandom(11));
    double[] grad = new double[w.inputs()];
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations");
    long thread = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(thread);
    w.reverse(x, grad); // the first call sizes the workspace's tape and gradient arrays
    long firstCall = threads.getThreadAllocatedBytes(thread) - before;

    // The JIT's switch to compiled code can allocate once (1368 B, once, at n = 10000): windows of
    // calls are measured until one allocates nothing. An allocation per gradient would show in all.
    List<Long> windows = new ArrayList<>();
    for (int window = 0; window < WINDOWS; window++) {
      before = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < CALLS; i++) {
        w.reverse(x, grad);
      }
      windows.add(threads.getThreadAllocatedBytes(thread) - before);
      if (windows.get(window) == 0) {
        break;
      }
    }
    assertEquals(
        0,
        windows.get(windows.size() - 1),
        name + ": bytes allocated by each window of " + CALLS + " gradients: " + windows);
    if (name.startsWith("rosenbrock-") || name.equals("mlp")) {
      // The count does see the workspace: its first call allocated the gradient array.
      assertTrue(firstCall >= 8L * w.inputs(), name + ": the first call allocated " + firstCall);
    }
  }
}
