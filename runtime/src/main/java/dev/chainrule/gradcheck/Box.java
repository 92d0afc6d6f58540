package dev.chainrule.gradcheck;

import java.util.Arrays;
import java.util.Random;

/**
 * The region random check points are drawn from: {@code lower[i] <= x[i] <= upper[i]}. Choose it to
 * cover the inputs the function will see in use, away from kinks such as {@code abs(0)}, where a
 * finite difference straddles two slopes.
 */
public record Box(double[] lower, double[] upper) {

  public Box {
    if (lower.length != upper.length) {
      throw new IllegalArgumentException(
          "Box: lower has "
              + lower.length
              + " coordinates but upper has "
              + upper.length
              + "; give both a bound per parameter");
    }
    for (int i = 0; i < lower.length; i++) {
      if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || lower[i] > upper[i]) {
        throw new IllegalArgumentException(
            "Box: coordinate "
                + i
                + " has bounds ["
                + lower[i]
                + ", "
                + upper[i]
                + "]; bounds must be finite with lower <= upper");
      }
    }
    lower = lower.clone();
    upper = upper.clone();
  }

  /** The same interval {@code [lower, upper]} in each of {@code dimension} coordinates. */
  public static Box cube(int dimension, double lower, double upper) {
    if (dimension < 0) {
      throw new IllegalArgumentException("Box.cube: dimension must be >= 0, got " + dimension);
    }
    double[] lows = new double[dimension];
    double[] highs = new double[dimension];
    Arrays.fill(lows, lower);
    Arrays.fill(highs, upper);
    return new Box(lows, highs);
  }

  public int dimension() {
    return lower.length;
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  /** {@code count} points drawn uniformly from the box; the same seed gives the same points. */
  double[][] sample(int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException(
          "Box: the number of points must be at least 1, got " + count);
    }
    Random random = new Random(seed);
    double[][] points = new double[count][lower.length];
    for (double[] point : points) {
      for (int i = 0; i < point.length; i++) {
        point[i] = lower[i] + (upper[i] - lower[i]) * random.nextDouble();
      }
    }
    return points;
  }
}
