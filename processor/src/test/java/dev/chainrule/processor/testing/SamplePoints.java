package dev.chainrule.processor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random arguments for a differentiable method: doubles uniform in [{@value #MIN}, {@value
 * #MAX}], where every input's functions are defined and smooth (each input says so), and ints,
 * longs and booleans from small sets that include negatives, so int division's truncation towards
 * zero shows. Each method's stream is seeded from its name, so its points do not change when other
 * inputs come and go, and every failure reproduces.
 *
 * <p>Arrays: in one point every array has the same length, drawn from {@link #LENGTHS}, since
 * inputs pair arrays element by element ({@code dot(w, x)}) and read fixed elements ({@code w[2]});
 * lengths differ between points, so reusing a workspace across lengths is exercised too. {@code
 * double[]} elements are drawn as doubles are, {@code int[]} elements uniformly from {@code 0} to
 * the length less one, so they are valid indices into the other arrays. The length is drawn from
 * the method's stream only for methods with an array parameter, so the points of the others are
 * what they were before arrays were sampled.
 */
public final class SamplePoints {
  public static final double MIN = 0.2;
  public static final double MAX = 0.9;
  public static final int[] INTS = {-3, 1, 2, 3, 7};
  public static final long[] LONGS = {-4, 1, 5, 10};
  public static final int[] LENGTHS = {3, 4, 5};

  /** Points per method in the property tests: enough to meet every int value, still fast. */
  public static final int COUNT = 8;

  private static final long SEED = 0x5eed_c4a1_72f0_11e5L;

  private SamplePoints() {}

  /** {@value #COUNT} points for the method. */
  public static List<Point> of(DifferentiableMethod method) {
    return of(method, COUNT);
  }

  /** {@code count} points for the method; the first {@code n} are the same for every count. */
  public static List<Point> of(DifferentiableMethod method, int count) {
    SplittableRandom random = random(method, "points");
    Class<?>[] types = method.parameterTypes();
    boolean hasArrays = false;
    for (Class<?> type : types) {
      hasArrays |= type.isArray();
    }
    List<Point> points = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      int length = hasArrays ? LENGTHS[random.nextInt(LENGTHS.length)] : 0;
      Object[] arguments = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        arguments[i] = draw(types[i], length, random);
      }
      points.add(new Point(arguments));
    }
    return points;
  }

  /** One random direction per point, with one component in [-1, 1] per coordinate of that point. */
  public static List<double[]> directions(DifferentiableMethod method, List<Point> points) {
    SplittableRandom random = random(method, "directions");
    List<double[]> directions = new ArrayList<>();
    for (Point point : points) {
      directions.add(random.doubles(method.coordinates(point).size(), -1, 1).toArray());
    }
    return directions;
  }

  private static SplittableRandom random(DifferentiableMethod method, String purpose) {
    return new SplittableRandom(SEED ^ (31L * method.name().hashCode() + purpose.hashCode()));
  }

  private static Object draw(Class<?> type, int length, SplittableRandom random) {
    if (type == double.class) {
      return random.nextDouble(MIN, MAX);
    }
    if (type == int.class) {
      return INTS[random.nextInt(INTS.length)];
    }
    if (type == long.class) {
      return LONGS[random.nextInt(LONGS.length)];
    }
    if (type == boolean.class) {
      return random.nextBoolean();
    }
    if (type == double[].class) {
      return random.doubles(length, MIN, MAX).toArray();
    }
    if (type == int[].class) {
      return random.ints(length, 0, length).toArray();
    }
    throw new IllegalArgumentException("no sample values for parameters of type " + type);
  }
}
