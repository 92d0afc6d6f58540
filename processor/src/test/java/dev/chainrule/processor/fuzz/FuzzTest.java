package dev.chainrule.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.fuzz.Ast.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzz test: random {@code @Differentiable} programs over the whole supported
 * subset ({@link Generator}), each compiled in-process through chainrule's processor with the
 * strict flags, must compile without a diagnostic, and every method of each must agree with its own
 * source at sampled points: forward with the method, backward with finite differences, tangent with
 * backward, graph with backward, a reused workspace with a fresh one, and the interpreted {@code
 * Value} engine with backward where it can express the method ({@link Harness} has the checks and
 * their tolerances).
 *
 * <p>A fixed seed and {@value #DEFAULT_PROGRAMS} programs run in the normal build. System
 * properties (pass them to Maven with {@code -D}):
 *
 * <ul>
 *   <li>{@code chainrule.fuzz.programs} — how many programs, say 5000;
 *   <li>{@code chainrule.fuzz.seed} — another seed (decimal or {@code 0x} hex);
 *   <li>{@code chainrule.fuzz.only} — run only program number N of the seed, as a failure says;
 *   <li>{@code chainrule.fuzz.shrinkSeconds} — the time shrinking may take per failure (120);
 *   <li>{@code chainrule.fuzz.threads} — javac threads (2; the checks run beside them);
 *   <li>{@code chainrule.fuzz.dump} — a folder to write every program's source to;
 *   <li>{@code chainrule.fuzz.knownBugs=include} — also generate the shapes of {@link KnownBugs}.
 * </ul>
 *
 * <p>A failure prints the seed, how to run the failing program alone, and the smallest program it
 * shrinks to with the same kind of failure, with the point and what disagreed.
 */
class FuzzTest {
  static final long DEFAULT_SEED = 0x5eedf022L;
  static final int DEFAULT_PROGRAMS = 300;

  /** Programs per javac run: enough to amortize javac, few enough to keep memory small. */
  static final int BATCH = 40;

  /** Distinct kinds of failure that are shrunk (each can take a while); the rest are listed. */
  static final int SHRUNK = 3;

  @Test
  void generatedProgramsAreDifferentiatedCorrectly() {
    long seed = Long.decode(System.getProperty("chainrule.fuzz.seed", "" + DEFAULT_SEED));
    int count = Integer.getInteger("chainrule.fuzz.programs", DEFAULT_PROGRAMS);
    int only = Integer.getInteger("chainrule.fuzz.only", -1);
    long start = System.nanoTime();

    Harness.Stats stats = new Harness.Stats();
    Coverage coverage = new Coverage();
    Map<String, Harness.Prepared> byName = new LinkedHashMap<>();
    List<List<Harness.Prepared>> batches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (only >= 0 && i != only) {
        continue;
      }
      Harness.Prepared prepared = generate(seed, i, stats);
      if (prepared == null) {
        continue;
      }
      coverage.add(prepared.program());
      byName.put(prepared.program().name(), prepared);
      dump(prepared.program());
      if (batches.isEmpty() || batches.get(batches.size() - 1).size() == BATCH) {
        batches.add(new ArrayList<>());
      }
      batches.get(batches.size() - 1).add(prepared);
    }

    // javac is most of the time: batches compile on worker threads while this one checks.
    int threads = Integer.getInteger("chainrule.fuzz.threads", 2);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fuzz-javac");
              t.setDaemon(true);
              return t;
            });
    Map<String, List<Harness.Failure>> failures = new LinkedHashMap<>();
    try {
      List<Future<Harness.Compiled>> compiling = new ArrayList<>();
      for (int b = 0; b < batches.size(); b++) {
        while (compiling.size() < Math.min(batches.size(), b + threads + 1)) {
          List<Harness.Prepared> next = batches.get(compiling.size());
          compiling.add(pool.submit(() -> Harness.compile(next, stats)));
        }
        failures.putAll(Harness.finish(batches.get(b), compiling.get(b).get(), stats));
        compiling.set(b, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError("compiling a batch failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    long checked = System.nanoTime() - start;

    String report = failures.isEmpty() ? "" : report(seed, failures, byName);
    System.out.println(summary(seed, byName.size(), checked, stats, coverage));
    assertTrue(failures.isEmpty(), report);
  }

  /**
   * Program {@code i} of the seed: generated afresh until the interpreter finds points where it
   * runs well, then skipped (null) if it has the shape of a known bug.
   */
  static Harness.Prepared generate(long seed, int i, Harness.Stats stats) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    String name = String.format(Locale.ROOT, "P%04d", i);
    while (true) {
      Program p = Generator.program(name, random);
      Harness.Prepared prepared = Harness.prepare(p, random, stats);
      if (prepared == null) {
        continue;
      }
      String bug = KnownBugs.in(p);
      if (bug != null && KnownBugs.avoided()) {
        stats.add("skipped: known bug " + bug);
        return null;
      }
      return prepared;
    }
  }

  private static String report(
      long seed,
      Map<String, List<Harness.Failure>> failures,
      Map<String, Harness.Prepared> byName) {
    // Group programs by their first failure's signature (a program that fails one way often
    // fails others for the same reason: a wrong forward also fails finite differences); shrink the
    // first program of each of the first few signatures.
    Map<String, List<Harness.Failure>> bySignature = new LinkedHashMap<>();
    for (List<Harness.Failure> list : failures.values()) {
      Harness.Failure f = list.get(0);
      bySignature.computeIfAbsent(f.signature(), k -> new ArrayList<>()).add(f);
    }
    long shrinkSeconds = Long.getLong("chainrule.fuzz.shrinkSeconds", 120);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "%d of %d programs fail (seed %s), %d kinds of failure:%n",
            failures.size(), byName.size(), "0x" + Long.toHexString(seed), bySignature.size()));
    int shrunk = 0;
    for (Map.Entry<String, List<Harness.Failure>> e : bySignature.entrySet()) {
      List<Harness.Failure> group = e.getValue();
      Harness.Failure first = group.get(0);
      b.append("\n=== ").append(e.getKey()).append(": ").append(group.size()).append(" programs (");
      b.append(String.join(", ", group.stream().map(Harness.Failure::program).limit(10).toList()));
      b.append(group.size() > 10 ? ", ..." : "").append(")\n");
      int index = Integer.parseInt(first.program().substring(1));
      b.append(
          String.format(
              "rerun one: -Dchainrule.fuzz.seed=0x%s -Dchainrule.fuzz.programs=%d"
                  + " -Dchainrule.fuzz.only=%d%n",
              Long.toHexString(seed), index + 1, index));
      b.append("first: ").append(first.describe()).append('\n');
      if (shrunk++ >= SHRUNK) {
        b.append(Printer.print(byName.get(first.program()).program()));
        continue;
      }
      Harness.Prepared original = byName.get(first.program());
      Shrinker.Result result =
          Shrinker.shrink(
              original.program(),
              first,
              oracle(original, e.getKey()),
              System.nanoTime() + TimeUnit.SECONDS.toNanos(shrinkSeconds));
      b.append(
          String.format(
              "shrunk from %d to %d nodes (%d candidates tested%s):%n",
              Ast.size(original.program()),
              Ast.size(result.program()),
              result.tested(),
              result.complete() ? "" : ", stopped by the time limit"));
      b.append(Printer.print(result.program().withName(first.program())));
      b.append("which fails: ").append(result.failure().describe()).append('\n');
    }
    return b.toString();
  }

  /** Whether candidates still fail with the signature, at the original's points. */
  private static Shrinker.Oracle oracle(Harness.Prepared original, String signature) {
    int[] counter = {0};
    return candidates -> {
      List<Harness.Failure> results = new ArrayList<>();
      List<Harness.Prepared> batch = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Program c : candidates) {
        String name = "S" + counter[0]++;
        Harness.Prepared p = Harness.prepareAt(c.withName(name), original);
        names.add(p == null ? null : name);
        if (p != null) {
          batch.add(p);
        }
      }
      Map<String, List<Harness.Failure>> failures =
          batch.isEmpty() ? Map.of() : Harness.run(batch, new Harness.Stats());
      for (String name : names) {
        Harness.Failure match = null;
        for (Harness.Failure f : failures.getOrDefault(name, List.of())) {
          if (f.signature().equals(signature)) {
            match = f;
            break;
          }
        }
        results.add(match);
      }
      return results;
    };
  }

  private static String summary(
      long seed, int programs, long nanos, Harness.Stats stats, Coverage coverage) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "chainrule fuzz: seed 0x%s, %d programs in %.1f s; javac %.1f s in %d runs (%.1f s of"
                + " CPU in its own thread), on %d threads; checks %.1f s%n",
            Long.toHexString(seed),
            programs,
            nanos / 1e9,
            stats.compileNanos / 1e9,
            stats.compilations,
            stats.compileCpuNanos / 1e9,
            Integer.getInteger("chainrule.fuzz.threads", 2),
            stats.checkNanos / 1e9));
    stats.counts.forEach((k, v) -> b.append(String.format("  %-62s %7d%n", k, v)));
    b.append(coverage.table());
    List<String> missing = coverage.missing();
    if (!missing.isEmpty() && programs >= DEFAULT_PROGRAMS) {
      b.append("never generated: ").append(missing).append('\n');
    }
    return b.toString();
  }

  private static void dump(Program program) {
    String dump = System.getProperty("chainrule.fuzz.dump");
    if (dump == null) {
      return;
    }
    try {
      Path dir = Path.of(dump, Printer.PACKAGE);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(program.name() + ".java"), Printer.print(program));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
