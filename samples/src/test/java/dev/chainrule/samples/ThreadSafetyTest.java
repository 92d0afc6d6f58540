package dev.chainrule.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A workspace belongs to one thread, and {@code tangent} is pure: models trained in parallel, each
 * thread with its own workspace, end exactly where the same trainings end one after another.
 */
class ThreadSafetyTest {

  /** Plain gradient descent on the XOR loss from a start derived from the seed. */
  private static double[] train(long seed) {
    double[] p = new double[9];
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextGaussian() * 0.5;
    }
    Xor_loss workspace = new Xor_loss();
    for (int epoch = 0; epoch < 300; epoch++) {
      workspace.zeroGrad();
      for (Xor.Row row : Xor.ROWS) {
        workspace.forward(
            p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], row.x1(), row.x2(), row.target());
        workspace.backward();
      }
      double[] g = {
        workspace.gradW11(), workspace.gradW12(), workspace.gradB1(),
        workspace.gradW21(), workspace.gradW22(), workspace.gradB2(),
        workspace.gradV1(), workspace.gradV2(), workspace.gradC()
      };
      // Forward mode, static and pure, agrees with reverse mode from every thread at once.
      double along = 0;
      for (Xor.Row row : Xor.ROWS) {
        along +=
            Xor_loss.tangent(
                p[0],
                p[1],
                p[2],
                p[3],
                p[4],
                p[5],
                p[6],
                p[7],
                p[8],
                row.x1(),
                row.x2(),
                row.target(),
                1,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0);
      }
      if (Math.abs(along - g[0]) > 1e-12 * Math.max(1, Math.abs(g[0]))) {
        throw new AssertionError("tangent " + along + " but backward " + g[0]);
      }
      for (int i = 0; i < p.length; i++) {
        p[i] -= 0.1 * g[i];
      }
    }
    return p;
  }

  @Test
  void parallelTrainingWithAWorkspacePerThreadMatchesSequentialTraining() throws Exception {
    int models = 8;
    List<double[]> sequential = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      sequential.add(train(m));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> parallel = new ArrayList<>();
      for (int m = 0; m < models; m++) {
        long seed = m;
        parallel.add(pool.submit(() -> train(seed)));
      }
      for (int m = 0; m < models; m++) {
        assertArrayEquals(sequential.get(m), parallel.get(m).get(), 0.0, "model " + m);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
