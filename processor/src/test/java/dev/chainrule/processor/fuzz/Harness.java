package dev.chainrule.processor.fuzz;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.fuzz.Ast.Method;
import dev.chainrule.processor.fuzz.Ast.Param;
import dev.chainrule.processor.fuzz.Ast.Program;
import dev.chainrule.processor.testing.CompiledClassLoader;
import dev.chainrule.processor.testing.Coordinates;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.FiniteDifferences;
import dev.chainrule.processor.testing.GeneratedClasses;
import dev.chainrule.processor.testing.GradientMagnitudes;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.StrictCompiler;
import dev.chainrule.processor.testing.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles programs through chainrule's processor, many per javac run, and checks every method of
 * each against its own source.
 *
 * <p>A method's coordinates are those of the parameters it is differentiated by: its double and
 * double[] parameters, or those its {@code wrt} lists; the others are constants, with no gradient
 * accessor, no tangent direction and no graph input, which is checked once per method.
 *
 * <p>For each method, at each of its points:
 *
 * <ul>
 *   <li><b>forward</b> returns exactly what the method returns (one workspace reused over all
 *       points), and the interpreter computes exactly that too (a check on the test itself);
 *   <li><b>finite differences</b>: each coordinate of backward's gradient agrees with a central
 *       difference of the method (see {@link #finiteDifference} for the policy on steps, tolerance
 *       and points where the method is not smooth at the step's scale);
 *   <li><b>tangent</b> along a random direction and along each coordinate equals the gradient
 *       dotted with the direction, to {@code 1e-12} of the size of the terms summed ({@link
 *       GradientMagnitudes}), as {@code TangentMatchesReverseTest} checks the inputs;
 *   <li><b>graph</b>: each input node's gradient equals backward's, to the same tolerance;
 *   <li><b>workspace</b>: on the reused workspace, zeroGrad, forward, backward gives the fresh
 *       workspace's gradient bit for bit, and a second backward exactly doubles it;
 *   <li><b>Value engine</b>: where the interpreter can run the method with {@code Value}s (see
 *       {@link Interpreter}), the engine's result is the method's, bit for bit, and its gradient is
 *       backward's, to {@code 1e-12} of the size of the terms summed.
 * </ul>
 */
final class Harness {
  /** Points per method. */
  static final int POINTS = 4;

  /**
   * The largest magnitude a value may reach at a sampled point: beyond it the finite-difference
   * tolerance ({@code 1e-8 S}) gets loose, so such points are not sampled.
   */
  static final double SCALE_LIMIT = 1e3;

  static final double SAME_TERMS = 1e-12;

  /** A program with the points and directions each of its methods is checked at. */
  record Prepared(
      Program program, Map<String, List<Point>> points, Map<String, List<double[]>> directions) {}

  /** One disagreement. {@code kind} groups failures for shrinking: the same kind must persist. */
  record Failure(String program, String method, String kind, String detail) {
    String describe() {
      return kind + " in " + method + ": " + detail;
    }

    /**
     * What must stay the same while shrinking: the kind, and for a processor error its message with
     * names and arguments blanked.
     */
    String signature() {
      if (!kind.startsWith("processor rejected")) {
        return kind;
      }
      String m = detail;
      int at = m.indexOf("[chainrule]");
      m = at >= 0 ? m.substring(at + "[chainrule]".length()) : m;
      m = m.replaceAll("\\([^)]*\\)", "(...)").replaceAll("\\b[PS]\\d+\\b", "C");
      m = m.replaceAll("'[^']*'", "'...'");
      int cut = m.indexOf(';');
      return kind + ":" + (cut > 0 ? m.substring(0, cut) : m);
    }
  }

  /** What the checks did, over all programs, for the summary; compilations may run in parallel. */
  static final class Stats {
    final Map<String, Long> counts = new LinkedHashMap<>();
    long compileNanos;
    long compileCpuNanos;
    long checkNanos;
    int compilations;

    synchronized void add(String what, long n) {
      counts.merge(what, n, Long::sum);
    }

    void add(String what) {
      add(what, 1);
    }

    synchronized long get(String what) {
      return counts.getOrDefault(what, 0L);
    }

    synchronized void compiled(long nanos, long cpuNanos) {
      compileNanos += nanos;
      compileCpuNanos += cpuNanos;
      compilations++;
    }

    synchronized void checked(long nanos) {
      checkNanos += nanos;
    }
  }

  private Harness() {}

  // ---------------------------------------------------------------- points

  /**
   * Samples points for each method of the program and keeps those where the interpreter runs it
   * with every value finite and below {@link #SCALE_LIMIT}; null when some method has none (the
   * entry needs two), with the reason counted.
   */
  static Prepared prepare(Program program, SplittableRandom random, Stats stats) {
    Map<String, List<Point>> points = new LinkedHashMap<>();
    Map<String, List<double[]>> directions = new LinkedHashMap<>();
    for (Method m : program.methods()) {
      List<Point> kept = new ArrayList<>();
      List<double[]> dirs = new ArrayList<>();
      String reason = null;
      for (int attempt = 0; attempt < 3 * POINTS && kept.size() < POINTS; attempt++) {
        Point point = samplePoint(m, random);
        try {
          Interpreter.Run run = Interpreter.doubles(program, m, point.arguments());
          if (!Double.isFinite(run.result()) || !Double.isFinite(run.scale())) {
            reason = "a value is not finite";
            continue;
          }
          if (run.scale() > SCALE_LIMIT) {
            reason = "a value exceeds " + SCALE_LIMIT;
            continue;
          }
        } catch (Interpreter.Runaway e) {
          reason = "runs away";
          continue;
        } catch (RuntimeException e) {
          if (hasEmptyArray(point)) {
            reason = "an empty array it indexes";
            continue; // the method reads an element: not a point for it
          }
          // An index out of range or a division by zero: the generator's fault, counted.
          stats.add("discarded: interpreter threw " + e.getClass().getSimpleName());
          return null;
        }
        kept.add(point);
        dirs.add(random.doubles(coordinates(m, point), -1, 1).toArray());
      }
      int needed = m == program.entry() ? 2 : 1;
      if (kept.size() < needed) {
        stats.add("discarded: at most " + kept.size() + " good points (" + reason + ")");
        return null;
      }
      points.put(m.name(), kept);
      directions.put(m.name(), dirs);
    }
    return new Prepared(program, points, directions);
  }

  /**
   * A shrunk program checked at its original's points, each method's arguments and directions
   * picked by parameter name (the shrinker may drop parameters and methods), keeping the points
   * where it runs well; null if its last method keeps none.
   */
  static Prepared prepareAt(Program program, Prepared original) {
    Map<String, List<Point>> kept = new LinkedHashMap<>();
    Map<String, List<double[]>> keptDirections = new LinkedHashMap<>();
    for (Method m : program.methods()) {
      Method before = original.program().method(m.name());
      List<Point> ps = new ArrayList<>();
      List<double[]> ds = new ArrayList<>();
      List<Point> given = original.points().get(m.name());
      for (int k = 0; k < given.size(); k++) {
        Object[] all = given.get(k).arguments();
        double[] direction = original.directions().get(m.name()).get(k);
        Map<String, Object> argumentByName = new HashMap<>();
        Map<String, double[]> directionByName = new HashMap<>();
        int at = 0;
        for (int a = 0; a < all.length; a++) {
          Param param = before.params().get(a);
          argumentByName.put(param.name(), all[a]);
          int width =
              param.type() == Ast.Type.DOUBLE
                  ? 1
                  : param.type() == Ast.Type.DOUBLE_ARRAY ? ((double[]) all[a]).length : 0;
          directionByName.put(param.name(), Arrays.copyOfRange(direction, at, at + width));
          at += width;
        }
        Object[] arguments = new Object[m.params().size()];
        List<Double> d = new ArrayList<>();
        for (int a = 0; a < arguments.length; a++) {
          String name = m.params().get(a).name();
          arguments[a] = argumentByName.get(name);
          for (double x : directionByName.get(name)) {
            d.add(x);
          }
        }
        try {
          Interpreter.Run run = Interpreter.doubles(program, m, arguments);
          if (Double.isFinite(run.result()) && run.scale() <= SCALE_LIMIT) {
            ps.add(new Point(arguments));
            ds.add(d.stream().mapToDouble(Double::doubleValue).toArray());
          }
        } catch (RuntimeException e) {
          return null; // an index out of range, say: not a program the generator would write
        }
      }
      if (m == program.entry() && ps.isEmpty()) {
        return null;
      }
      kept.put(m.name(), ps);
      keptDirections.put(m.name(), ds);
    }
    return new Prepared(program, kept, keptDirections);
  }

  /**
   * Doubles uniform in [-2, 2], with now and then a special value or a tie between two coordinates;
   * ints from a small set with negatives, so that int division and {@code %} truncate towards zero;
   * every array of a point one length from 1 to 4, or empty one time in ten (a method that reads an
   * element is then not checked at that point), int[] elements from -2 to 5 (indices go through
   * {@code wrap} or {@code %} unless they are known to be in range).
   */
  static Point samplePoint(Method m, SplittableRandom random) {
    int length = random.nextDouble() < 0.1 ? 0 : 1 + random.nextInt(4);
    Object[] arguments = new Object[m.params().size()];
    int[] ints = {-3, -1, 0, 1, 2, 3, 5, 7};
    List<int[]> doubles = new ArrayList<>(); // each double coordinate: {argument, element or -1}
    for (int k = 0; k < arguments.length; k++) {
      switch (m.params().get(k).type()) {
        case DOUBLE -> {
          arguments[k] = sampleDouble(random);
          doubles.add(new int[] {k, -1});
        }
        case INT -> arguments[k] = ints[random.nextInt(ints.length)];
        case LONG -> arguments[k] = (long) (random.nextInt(7) - 2);
        case BOOLEAN -> arguments[k] = random.nextBoolean();
        case DOUBLE_ARRAY -> {
          double[] a = new double[length];
          for (int e = 0; e < length; e++) {
            a[e] = sampleDouble(random);
            doubles.add(new int[] {k, e});
          }
          arguments[k] = a;
        }
        case INT_ARRAY -> arguments[k] = random.ints(length, -2, 6).toArray();
      }
    }
    if (doubles.size() > 1 && random.nextDouble() < 0.1) {
      // A tie: one coordinate takes another's value, so comparisons and max/min meet equality.
      int[] from = doubles.get(random.nextInt(doubles.size()));
      int[] to = doubles.get(random.nextInt(doubles.size()));
      set(arguments, to, get(arguments, from));
    }
    return new Point(arguments);
  }

  /**
   * Uniform in [-2, 2], or now and then a value where kinks and steps sit: 0, ±1, ±0.5, 2 (abs,
   * signum, floor, ceil, rint).
   */
  private static double sampleDouble(SplittableRandom random) {
    double[] special = {0.0, 1.0, -1.0, 0.5, -0.5, 2.0};
    return random.nextDouble() < 0.06
        ? special[random.nextInt(special.length)]
        : random.nextDouble(-2, 2);
  }

  private static double get(Object[] arguments, int[] at) {
    return at[1] < 0 ? (Double) arguments[at[0]] : ((double[]) arguments[at[0]])[at[1]];
  }

  private static void set(Object[] arguments, int[] at, double value) {
    if (at[1] < 0) {
      arguments[at[0]] = value;
    } else {
      ((double[]) arguments[at[0]])[at[1]] = value;
    }
  }

  /** Whether some array argument is empty: an index into it has no valid value. */
  static boolean hasEmptyArray(Point point) {
    for (Object a : point.arguments()) {
      if (a instanceof double[] d && d.length == 0 || a instanceof int[] i && i.length == 0) {
        return true;
      }
    }
    return false;
  }

  private static int coordinates(Method m, Point point) {
    int n = 0;
    for (int k = 0; k < m.params().size(); k++) {
      Param p = m.params().get(k);
      if (p.type() == Ast.Type.DOUBLE) {
        n++;
      } else if (p.type() == Ast.Type.DOUBLE_ARRAY) {
        n += point.doubleArrayAt(k).length;
      }
    }
    return n;
  }

  /**
   * The entries of {@code direction}, which has one per double coordinate of the point, for the
   * coordinates the method is differentiated by: all of them, or those of the parameters its {@code
   * wrt} lists. Directions are sampled for every coordinate, so that a shrunk program whose wrt
   * lists more parameters still has one.
   */
  static double[] differentiated(Method m, Point point, double[] direction) {
    double[] kept = new double[direction.length];
    int at = 0;
    int n = 0;
    for (int k = 0; k < m.params().size(); k++) {
      Param p = m.params().get(k);
      int width =
          p.type() == Ast.Type.DOUBLE
              ? 1
              : p.type() == Ast.Type.DOUBLE_ARRAY ? point.doubleArrayAt(k).length : 0;
      if (m.differentiates(p)) {
        System.arraycopy(direction, at, kept, n, width);
        n += width;
      }
      at += width;
    }
    return Arrays.copyOf(kept, n);
  }

  /**
   * What is wrong with the parameters the generated class differentiates, or null: they must be the
   * method's double and double[] parameters that its {@code wrt} lists (all of them without one),
   * in order, and a parameter it leaves out has no gradient accessor.
   */
  private static String wrtMismatch(Method m, DifferentiableMethod method) {
    List<String> expected = new ArrayList<>();
    List<String> constants = new ArrayList<>();
    for (Param p : m.params()) {
      if (m.differentiates(p)) {
        expected.add(p.name());
      } else if (p.type() == Ast.Type.DOUBLE || p.type() == Ast.Type.DOUBLE_ARRAY) {
        constants.add(p.name());
      }
    }
    if (!method.differentiableParameterNames().equals(expected)) {
      return "wrt "
          + m.wrt()
          + " should differentiate "
          + expected
          + ", the annotation read back gives "
          + method.differentiableParameterNames();
    }
    for (java.lang.reflect.Method member : method.generatedClass().getMethods()) {
      for (String constant : constants) {
        if (member.getName().equals(DifferentiableMethod.accessorName(constant))
            && member.getParameterCount() == 0) {
          return "the constant " + constant + " has a gradient accessor " + member;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- compiling

  /**
   * Compiles and checks the programs, returning each failing program's failures (programs that pass
   * are absent). Programs are compiled together; when that fails, each diagnostic is charged to the
   * program whose source or generated class it is in, and the rest are compiled again.
   */
  static Map<String, List<Failure>> run(List<Prepared> batch, Stats stats) {
    return finish(batch, compile(batch, stats), stats);
  }

  /**
   * The program whose class the verifier names ({@code Location: fuzz/P3206.f(...)}, or {@code
   * fuzz/P3206$H...} for a nested class), if any.
   */
  private static Optional<Prepared> culprit(List<Prepared> programs, VerifyError e) {
    String message = String.valueOf(e.getMessage());
    return programs.stream()
        .filter(
            p -> {
              String location = Printer.PACKAGE + "/" + p.program().name();
              return message.contains(location + ".") || message.contains(location + "$");
            })
        .findFirst();
  }

  /** {@link #run}, given the batch's compilation. */
  static Map<String, List<Failure>> finish(List<Prepared> batch, Compiled first, Stats stats) {
    Map<String, List<Failure>> failures = new LinkedHashMap<>();
    List<Prepared> remaining = new ArrayList<>(batch);
    Compiled next = first;
    while (!remaining.isEmpty()) {
      Compiled compiled = next != null ? next : compile(remaining, stats);
      next = null;
      if (compiled.loader() != null) {
        long start = System.nanoTime();
        Map<String, DifferentiableMethod> methods = new HashMap<>();
        RuntimeException malformed = null;
        try {
          for (DifferentiableMethod m : GeneratedClasses.differentiableMethods(compiled.loader())) {
            methods.put(m.name(), m);
          }
        } catch (RuntimeException e) {
          malformed = e;
        } catch (VerifyError e) {
          // javac 17 writes unverifiable code for some nested switches (seed 0xabc, program 3206,
          // fails without chainrule too): not a program to judge chainrule by.
          Optional<Prepared> culprit = culprit(remaining, e);
          if (culprit.isPresent()) {
            remaining.remove(culprit.get());
            stats.add("programs skipped: javac wrote a class that fails verification");
            continue;
          }
          throw e;
        }
        for (Prepared p : remaining) {
          List<Failure> found =
              malformed == null
                  ? watched(p, methods, stats)
                  : List.of(
                      new Failure(
                          p.program().name(),
                          "-",
                          "generated class is malformed",
                          stackTrace(malformed)));
          if (!found.isEmpty()) {
            failures.put(p.program().name(), found);
          }
        }
        stats.checked(System.nanoTime() - start);
        break;
      }
      if (compiled.failures().isEmpty()) {
        // Nothing could be charged to one program: compile them one by one.
        if (remaining.size() == 1) {
          Prepared p = remaining.get(0);
          failures.put(
              p.program().name(),
              List.of(new Failure(p.program().name(), "-", "compilation failed", compiled.log())));
          break;
        }
        for (Prepared p : remaining) {
          failures.putAll(run(List.of(p), stats));
        }
        break;
      }
      failures.putAll(compiled.failures());
      remaining.removeIf(p -> compiled.failures().containsKey(p.program().name()));
    }
    return failures;
  }

  /** A batch's compilation: a class loader, or the failures charged to programs, and the log. */
  record Compiled(CompiledClassLoader loader, Map<String, List<Failure>> failures, String log) {}

  /** Compiles the batch in one javac run; safe to call from several threads at once. */
  static Compiled compile(List<Prepared> batch, Stats stats) {
    List<JavaFileObject> sources = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Prepared p : batch) {
      sources.add(
          JavaFileObjects.forSourceString(
              Printer.qualifiedName(p.program()), Printer.print(p.program())));
      names.add(p.program().name());
    }
    long start = System.nanoTime();
    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    Compilation compilation;
    try {
      compilation = StrictCompiler.compile(sources);
    } catch (RuntimeException | Error e) {
      stats.compiled(System.nanoTime() - start, 0);
      if (batch.size() == 1) {
        String name = batch.get(0).program().name();
        return new Compiled(
            null,
            Map.of(name, List.of(new Failure(name, "-", "processor threw", stackTrace(e)))),
            "");
      }
      return new Compiled(null, Map.of(), stackTrace(e));
    }
    stats.compiled(
        System.nanoTime() - start,
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu);
    Map<String, List<Failure>> failures = new LinkedHashMap<>();
    boolean problems = false;
    StringBuilder log = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE || d.getKind() == Diagnostic.Kind.OTHER) {
        continue;
      }
      problems = true;
      String message = d.getMessage(Locale.ROOT);
      log.append(d.getKind()).append(": ").append(message).append('\n');
      if (d.getSource() == null) {
        continue;
      }
      String file = d.getSource().toUri().getPath();
      String simple = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
      int underscore = simple.indexOf('_');
      String program = underscore < 0 ? simple : simple.substring(0, underscore);
      if (!names.contains(program)) {
        continue;
      }
      String kind;
      if (underscore >= 0) {
        kind = "generated code does not compile";
      } else if (message.contains("[chainrule]")) {
        kind = "processor rejected the program";
      } else {
        kind = "the program does not compile"; // the generator's or shrinker's fault
      }
      String where = simple + ".java:" + d.getLineNumber() + ": ";
      failures
          .computeIfAbsent(program, k -> new ArrayList<>())
          .add(new Failure(program, simple, kind, where + d.getKind() + ": " + message));
    }
    if (!problems && compilation.status() == Compilation.Status.SUCCESS) {
      return new Compiled(
          new CompiledClassLoader(compilation, Harness.class.getClassLoader()), Map.of(), "");
    }
    return new Compiled(null, failures, log.toString());
  }

  // ---------------------------------------------------------------- checking

  /** How long one program's checks may take before it counts as hanging. */
  static final long HANG_SECONDS = 60;

  private static java.util.concurrent.ExecutorService checker = newChecker();

  private static java.util.concurrent.ExecutorService newChecker() {
    return java.util.concurrent.Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "fuzz-check");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * {@link #check} on a thread of its own, so that generated code that never returns (a loop that
   * does not end) becomes a failure rather than a build that hangs. The stuck thread is a daemon
   * and is abandoned; later programs get a new one.
   */
  private static synchronized List<Failure> watched(
      Prepared p, Map<String, DifferentiableMethod> methods, Stats stats) {
    java.util.concurrent.Future<List<Failure>> result =
        checker.submit(() -> check(p, methods, stats));
    try {
      return result.get(HANG_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      result.cancel(true);
      checker.shutdownNow();
      checker = newChecker();
      return List.of(
          new Failure(
              p.program().name(), "-", "hangs", "checks did not end in " + HANG_SECONDS + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      return List.of(
          new Failure(p.program().name(), "-", "the checks threw", stackTrace(e.getCause())));
    }
  }

  private static List<Failure> check(
      Prepared p, Map<String, DifferentiableMethod> methods, Stats stats) {
    List<Failure> failures = new ArrayList<>();
    Program program = p.program();
    for (Method m : program.methods()) {
      String name = program.qualified(m);
      DifferentiableMethod method = methods.get(name);
      if (method == null) {
        failures.add(
            new Failure(
                program.name(),
                name,
                "no generated class",
                "javac and chainrule reported nothing, yet no class was generated for " + name));
        continue;
      }
      stats.add("methods checked");
      String constants = wrtMismatch(m, method);
      if (constants != null) {
        failures.add(
            new Failure(program.name(), name, "wrong parameters differentiated", constants));
        continue;
      }
      if (!m.wrt().isEmpty()) {
        stats.add("methods with a wrt");
      }
      List<Point> points = p.points().get(m.name());
      List<double[]> directions = p.directions().get(m.name());
      Workspace reused;
      try {
        reused = method.newWorkspace();
      } catch (RuntimeException | Error e) {
        failures.add(new Failure(program.name(), name, "exception", stackTrace(e)));
        continue;
      }
      for (int k = 0; k < points.size(); k++) {
        try {
          checkPoint(program, m, method, reused, points.get(k), directions.get(k), failures, stats);
        } catch (RuntimeException | Error e) {
          failures.add(
              new Failure(
                  program.name(),
                  name,
                  "exception " + e.getClass().getSimpleName(),
                  "at " + method.at(points.get(k)) + ": " + stackTrace(e)));
        }
      }
    }
    return failures;
  }

  private static void checkPoint(
      Program program,
      Method m,
      DifferentiableMethod method,
      Workspace reused,
      Point point,
      double[] direction,
      List<Failure> failures,
      Stats stats) {
    String name = method.name();
    String at = method.at(point);
    stats.add("points checked");
    double original = method.invokeOriginal(point);
    Interpreter.Run run = Interpreter.doubles(program, m, point.arguments());
    if (Double.compare(run.result(), original) != 0) {
      failures.add(
          new Failure(
              program.name(),
              name,
              "interpreter disagrees with Java (a bug in the fuzz test)",
              at + ": Java " + original + ", interpreter " + run.result()));
      return;
    }
    double forward = reused.forward(point);
    if (Double.compare(forward, original) != 0) {
      failures.add(
          new Failure(
              program.name(),
              name,
              "forward differs from the method",
              at + ": forward " + forward + ", method " + original));
    }

    Coordinates coordinates = method.coordinates(point);
    int n = coordinates.size();
    double[] gradient = method.gradient(point);

    ComputationGraph graph = method.graph(point);
    String shape = graphShape(graph, coordinates, original);
    if (shape != null) {
      failures.add(
          new Failure(
              program.name(), name, "graph is malformed", at + ": " + shape + "\n" + graph));
      return;
    }
    double[] magnitudes = GradientMagnitudes.ofCoordinates(coordinates, graph);
    List<ComputationGraph.Node> inputs = coordinates.inputNodes(graph);
    for (int k = 0; k < n; k++) {
      double g = inputs.get(k).grad();
      if (!same(g, gradient[k])
          && !(Math.abs(g - gradient[k]) <= SAME_TERMS * magnitudes[k] + Double.MIN_NORMAL)) {
        failures.add(
            new Failure(
                program.name(),
                name,
                "graph disagrees with backward",
                at
                    + ": graph gives d/d"
                    + coordinates.name(k)
                    + " = "
                    + g
                    + ", backward "
                    + gradient[k]));
      }
    }

    // The reused workspace: its latest forward is this point's. Equal means equal as doubles (an
    // untouched gradient may be 0.0 or -0.0). A scalar's gradient is added once per backward, so a
    // second backward doubles it exactly; an array element's is added term by term, so it doubles
    // within rounding of its terms (WorkspaceLifecycleTest pins the same).
    reused.zeroGrad();
    reused.backward();
    double[] again = reused.gradients();
    for (int k = 0; k < n; k++) {
      if (!same(again[k], gradient[k])) {
        failures.add(
            new Failure(
                program.name(),
                name,
                "workspace reuse changes the gradient",
                at
                    + ": after forward at earlier points, "
                    + Arrays.toString(again)
                    + "; a fresh workspace "
                    + Arrays.toString(gradient)));
        break;
      }
    }
    reused.backward();
    double[] twice = reused.gradients();
    for (int k = 0; k < n; k++) {
      boolean element = coordinates.name(k).contains("[");
      double tolerance = element ? SAME_TERMS * 2 * magnitudes[k] + Double.MIN_NORMAL : 0;
      if (!(same(twice[k], 2 * again[k]) || Math.abs(twice[k] - 2 * again[k]) <= tolerance)) {
        failures.add(
            new Failure(
                program.name(),
                name,
                "a second backward does not double the gradient",
                at + ": d/d" + coordinates.name(k) + " " + again[k] + " then " + twice[k]));
        break;
      }
    }

    List<double[]> tangentDirections = new ArrayList<>();
    tangentDirections.add(differentiated(m, point, direction));
    for (int k = 0; k < n; k++) {
      double[] unit = new double[n];
      unit[k] = 1;
      tangentDirections.add(unit);
    }
    for (double[] v : tangentDirections) {
      double expected = 0;
      double magnitude = 0;
      for (int k = 0; k < n; k++) {
        expected += gradient[k] * v[k];
        magnitude += magnitudes[k] * Math.abs(v[k]);
      }
      double tangent = method.tangent(point, v);
      stats.add("tangent directions");
      if (!same(tangent, expected)
          && !(Math.abs(tangent - expected) <= SAME_TERMS * magnitude + Double.MIN_NORMAL)) {
        failures.add(
            new Failure(
                program.name(),
                name,
                "tangent disagrees with the reverse gradient",
                at
                    + " along "
                    + Arrays.toString(v)
                    + ": tangent "
                    + tangent
                    + ", gradient·direction "
                    + expected
                    + " (gradient "
                    + Arrays.toString(gradient)
                    + ")"));
        break;
      }
    }

    for (int k = 0; k < n; k++) {
      finiteDifference(
          program, method, point, coordinates, k, gradient[k], run.scale(), m, failures, stats);
    }

    valueEngine(
        program, m, method, point, coordinates, original, gradient, magnitudes, failures, stats);
  }

  /**
   * What is wrong with the graph's shape, as {@code GraphMatchesBackwardTest} checks it for the
   * inputs, or null: labels name one node each; one input node (no expression) per coordinate,
   * labelled with its name and holding its argument; and the last node is the output, holding
   * forward's result with gradient 1, unless the result depends on no parameter and every gradient
   * is 0.
   */
  private static String graphShape(ComputationGraph graph, Coordinates coordinates, double result) {
    List<ComputationGraph.Node> nodes = graph.nodes();
    Set<String> labels = new java.util.HashSet<>();
    for (ComputationGraph.Node node : nodes) {
      if (!labels.add(node.label())) {
        return "two nodes are labelled " + node.label();
      }
    }
    long inputs = nodes.stream().filter(node -> node.expression().isEmpty()).count();
    if (inputs != coordinates.size()) {
      return inputs + " input nodes for the coordinates " + coordinates.names();
    }
    List<ComputationGraph.Node> inputNodes;
    try {
      inputNodes = coordinates.inputNodes(graph);
    } catch (RuntimeException e) {
      return "no input node for some coordinate of " + coordinates.names() + ": " + e;
    }
    for (int k = 0; k < coordinates.size(); k++) {
      ComputationGraph.Node node = inputNodes.get(k);
      if (node == null
          || !node.expression().isEmpty()
          || Double.compare(node.value(), coordinates.value(k)) != 0) {
        return "node " + coordinates.name(k) + " is not the input " + coordinates.value(k);
      }
    }
    if (nodes.isEmpty()) {
      return null;
    }
    ComputationGraph.Node last = nodes.get(nodes.size() - 1);
    boolean outputLast = Double.compare(last.value(), result) == 0 && last.grad() == 1.0;
    boolean constant = nodes.stream().allMatch(node -> node.grad() == 0.0);
    return outputLast || constant ? null : "the last node is not the output " + result;
  }

  /**
   * Backward's gradient in coordinate {@code k} against finite differences of the method.
   *
   * <p>Three central differences {@code D(h)}, {@code D(h/2)}, {@code D(h/4)} with {@code h} as
   * {@link FiniteDifferences} chooses it give two Richardson extrapolations, {@code E1} from the
   * first two (the estimate {@link FiniteDifferences} uses) and {@code E2} from the last two. The
   * tolerance is {@link FiniteDifferences#tolerance}: {@code 1e-6 |g| + 1e-8 S}, where {@code S} is
   * the largest magnitude of any value the method computes at the point (the interpreter measures
   * it, independently of the generated code) or of {@code f(x ± h)}.
   *
   * <p>Where the method is smooth at the scale of the step, {@code E1} and {@code E2} agree to far
   * better than the tolerance taken at the estimate ({@code 1e-6 |E2| + 1e-8 S}: it does not depend
   * on the gradient under test, so a NaN or wrong gradient cannot make a point look rough), and
   * {@code E2} is compared with the gradient. Where they do not agree, the estimate has not
   * converged: a branch condition, a kink ({@code abs}, {@code max}, ...) or a step ({@code floor},
   * a loop count that depends on a double) lies within the step of the point, or the function
   * curves too fast for the step; such a coordinate is skipped, and counted, since no finite
   * difference there says what the derivative is. A kink exactly at the point (the samples include
   * ties such as {@code y == x} and values such as 0 and 1, so {@code max(x, y)}, {@code abs(x)}
   * and {@code x > y ? x : y} meet theirs) makes the central differences converge to the mean of
   * the two slopes, which is the derivative chainrule picks for some functions and not for others;
   * so the one-sided slopes (Richardson-extrapolated from {@code h/2} and {@code h/4}) are compared
   * too, and where they differ by more than ten times the tolerance the coordinate is skipped as a
   * kink. A coordinate is also skipped when {@code f} is not finite near the point, and, where the
   * gradient disagrees, when moving the coordinate by one ulp changes what a step function returns
   * ({@code signum(x)} at 0, {@code floor(x)} at an integer): the point sits on the jump and
   * follows one side of it, as {@code max(0, floor(x) - x)} at {@code x = -1}, which is 0 on both
   * sides and a tie at the point.
   */
  private static void finiteDifference(
      Program program,
      DifferentiableMethod method,
      Point point,
      Coordinates coordinates,
      int k,
      double gradient,
      double scale,
      Method m,
      List<Failure> failures,
      Stats stats) {
    Verdict v =
        compare(
            x -> method.invokeOriginal(coordinates.with(k, x)),
            coordinates.value(k),
            gradient,
            scale);
    if (v.outcome() == Outcome.DISAGREES && atJump(program, m, coordinates, k)) {
      // signum(0), floor(-1.0): the point follows one side of a step its neighbours straddle,
      // so finite differences may see a slope the point does not have.
      v = new Verdict(Outcome.AT_JUMP, v.estimate(), v.tolerance(), v.scale());
    }
    stats.add(v.outcome().counted);
    if (v.outcome() == Outcome.DISAGREES) {
      failures.add(
          new Failure(
              program.name(),
              method.name(),
              "gradient disagrees with finite differences",
              String.format(
                  Locale.ROOT,
                  "%s: d/d%s is %s, finite differences %s (tolerance %.3g, scale %.3g)",
                  method.at(point),
                  coordinates.name(k),
                  gradient,
                  v.estimate(),
                  v.tolerance(),
                  v.scale())));
    }
  }

  /**
   * Whether moving coordinate {@code k} by one ulp either way changes what a step function returns:
   * the point sits exactly on a jump that this coordinate moves across.
   */
  private static boolean atJump(Program program, Method m, Coordinates coordinates, int k) {
    double x = coordinates.value(k);
    List<Double> here = steps(program, m, coordinates, k, x);
    return !Objects.equals(here, steps(program, m, coordinates, k, Math.nextUp(x)))
        || !Objects.equals(here, steps(program, m, coordinates, k, Math.nextDown(x)));
  }

  private static List<Double> steps(
      Program program, Method m, Coordinates coordinates, int k, double x) {
    try {
      return Interpreter.doubles(program, m, coordinates.with(k, x).arguments()).steps();
    } catch (RuntimeException e) {
      return null; // an index out of range at the neighbour: a jump of its own kind
    }
  }

  enum Outcome {
    AGREES("finite differences checked"),
    DISAGREES("finite differences checked"),
    NOT_SMOOTH("finite differences skipped: not smooth at the step's scale"),
    KINK("finite differences skipped: a kink at the point"),
    NOT_FINITE("finite differences skipped: not finite near the point"),
    AT_JUMP("finite differences skipped: disagree where a step function is at its jump");

    final String counted;

    Outcome(String counted) {
      this.counted = counted;
    }
  }

  /** What comparing a derivative with finite differences found. */
  record Verdict(Outcome outcome, double estimate, double tolerance, double scale) {}

  /**
   * {@code gradient} against finite differences of {@code f} at {@code x}, where {@code f} computes
   * values up to {@code scale} in magnitude; the policy is {@link #finiteDifference}'s.
   */
  static Verdict compare(DoubleUnaryOperator f, double x, double gradient, double scale) {
    double h = FiniteDifferences.STEP * Math.max(1, Math.abs(x));
    double[] size = {scale};
    double f0 = value(f, x, size);
    double[][] sides = new double[3][];
    for (int k = 0; k < 3; k++) {
      double step = h / (1 << k);
      double above = x + step;
      double below = x - step;
      sides[k] = new double[] {above, value(f, above, size), below, value(f, below, size)};
    }
    double[] d = new double[3];
    for (int k = 0; k < 3; k++) {
      d[k] = (sides[k][1] - sides[k][3]) / (sides[k][0] - sides[k][2]);
      if (!Double.isFinite(d[k]) || !Double.isFinite(f0)) {
        return new Verdict(Outcome.NOT_FINITE, Double.NaN, Double.NaN, size[0]);
      }
    }
    double e1 = d[1] + (d[1] - d[0]) / 3;
    double e2 = d[2] + (d[2] - d[1]) / 3;
    // Whether the estimate converged is a property of f alone, not of the gradient under test.
    double rough = FiniteDifferences.tolerance(e2, size[0]);
    if (!(Math.abs(e1 - e2) <= rough)) {
      return new Verdict(Outcome.NOT_SMOOTH, e2, Double.NaN, size[0]);
    }
    // A kink exactly at x: the central differences converge, to the mean of the two slopes.
    double right = 2 * oneSided(f0, x, sides[2], 0) - oneSided(f0, x, sides[1], 0);
    double left = 2 * oneSided(f0, x, sides[2], 2) - oneSided(f0, x, sides[1], 2);
    if (!(Math.abs(right - left) <= 10 * rough)) {
      return new Verdict(Outcome.KINK, e2, Double.NaN, size[0]);
    }
    double tolerance = FiniteDifferences.tolerance(gradient, size[0]);
    Outcome outcome = Math.abs(gradient - e2) <= tolerance ? Outcome.AGREES : Outcome.DISAGREES;
    return new Verdict(outcome, e2, tolerance, size[0]);
  }

  /** The slope from x to one side: {@code side} 0 for above, 2 for below. */
  private static double oneSided(double f0, double x, double[] at, int side) {
    return (at[side + 1] - f0) / (at[side] - x);
  }

  /** {@code f(x)}; {@code size} grows to {@code |f(x)|}. */
  private static double value(DoubleUnaryOperator f, double x, double[] size) {
    double y = f.applyAsDouble(x);
    size[0] = Math.max(size[0], Math.abs(y));
    return y;
  }

  private static void valueEngine(
      Program program,
      Method m,
      DifferentiableMethod method,
      Point point,
      Coordinates coordinates,
      double original,
      double[] gradient,
      double[] magnitudes,
      List<Failure> failures,
      Stats stats) {
    Interpreter.Run run;
    try {
      run = Interpreter.values(program, m, point.arguments());
    } catch (Interpreter.Inexpressible e) {
      stats.add("Value engine: points it cannot express");
      return;
    } catch (IllegalStateException e) {
      failures.add(
          new Failure(
              program.name(),
              method.name(),
              "Value engine computes another value",
              method.at(point) + ": " + e.getMessage()));
      return;
    }
    stats.add("Value engine: points compared");
    if (Double.compare(run.result(), original) != 0) {
      failures.add(
          new Failure(
              program.name(),
              method.name(),
              "Value engine's result differs from the method",
              method.at(point) + ": Value " + run.result() + ", method " + original));
      return;
    }
    for (int k = 0; k < coordinates.size(); k++) {
      double g = run.gradient()[k];
      if (!(Math.abs(g - gradient[k]) <= SAME_TERMS * magnitudes[k] + Double.MIN_NORMAL)) {
        failures.add(
            new Failure(
                program.name(),
                method.name(),
                "Value engine's gradient differs from backward",
                method.at(point)
                    + ": d/d"
                    + coordinates.name(k)
                    + " is "
                    + g
                    + " with Values, "
                    + gradient[k]
                    + " from backward"));
      }
    }
  }

  /** Equal as doubles, or both NaN. */
  private static boolean same(double a, double b) {
    return a == b || (Double.isNaN(a) && Double.isNaN(b));
  }

  static String stackTrace(Throwable e) {
    StringBuilder b = new StringBuilder(String.valueOf(e));
    StackTraceElement[] trace = e.getStackTrace();
    for (int k = 0; k < Math.min(8, trace.length); k++) {
      b.append("\n    at ").append(trace[k]);
    }
    if (e.getCause() != null && e.getCause() != e) {
      b.append("\n  caused by ").append(stackTrace(e.getCause()));
    }
    return b.toString();
  }
}
