package dev.chainrule;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.optim.Adam;
import dev.chainrule.optim.Optimizer;
import dev.chainrule.optim.Sgd;
import dev.chainrule.train.Objective;
import dev.chainrule.train.Trainer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Optimizer steps and the trainer's inner loop allocate nothing, measured with HotSpot's per-thread
 * allocation counter: a training loop over generated workspaces should put no pressure on the
 * garbage collector.
 */
class AllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @BeforeAll
  static void needsTheAllocationCounter() {
    assumeTrue(
        THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
  }

  private static long bytesAllocatedBy(Runnable work) {
    work.run(); // warm up: class loading and lambda linkage allocate once
    long before = THREADS.getCurrentThreadAllocatedBytes();
    work.run();
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }

  private static long bytesPerHundredThousandSteps(Optimizer optimizer) {
    double[] params = new double[50];
    double[] grads = new double[50];
    java.util.Arrays.fill(grads, 0.5);
    optimizer.step(params, grads); // the first step sizes the state
    return bytesAllocatedBy(
        () -> {
          for (int i = 0; i < 100_000; i++) {
            optimizer.step(params, grads);
          }
        });
  }

  @Test
  void optimizerStepsAllocateNothing() {
    for (Optimizer optimizer :
        List.of(
            new Sgd(0.01),
            new Sgd(0.01, 0.9),
            Sgd.nesterov(0.01, 0.9),
            Adam.builder().weightDecay(0.1).build(),
            Adam.builder().decoupledWeightDecay(0.1).build())) {
      long bytes = bytesPerHundredThousandSteps(optimizer);
      assertTrue(bytes < 1024, optimizer + " allocated " + bytes + " bytes in 100000 steps");
    }
  }

  @Test
  void theTrainersStepsAllocateNothing() {
    List<Double> data = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      data.add(i / 1000.0);
    }
    Objective<Double> objective =
        (p, x, grad) -> {
          double error = p[0] - x;
          grad[0] += 2 * error;
          return error * error;
        };
    double[] params = {0};
    Trainer one = Trainer.builder(new Adam(0.01)).epochs(1).quiet().build();
    Trainer eleven = Trainer.builder(new Adam(0.01)).epochs(11).quiet().build();
    long tenEpochs =
        bytesAllocatedBy(() -> eleven.train(params, data, objective))
            - bytesAllocatedBy(() -> one.train(params, data, objective));
    assertTrue(tenEpochs < 10 * 200, "10 epochs of 1000 steps allocated " + tenEpochs + " bytes");
  }
}
