package dev.chainrule.processor.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * A point owns its arrays: a property test hands the same point to the original method, forward,
 * backward's finite differences and graph, and none of them may see what another did to an array.
 */
class PointTest {

  @Test
  void arraysAreCopiedOnTheWayInAndOut() {
    double[] xs = {0.5, 0.25};
    int[] pick = {1};
    Point point = new Point(xs, pick);
    xs[0] = 9;
    pick[0] = 9;
    ((double[]) point.arguments()[0])[1] = 9;
    ((int[]) point.arguments()[1])[0] = 9;
    point.doubleArrayAt(0)[0] = 9;
    assertEquals(new Point(new double[] {0.5, 0.25}, new int[] {1}), point);
  }

  @Test
  void withElementChangesACopy() {
    Point point = new Point(new double[] {0.5, 0.25}, 3);
    Point changed = point.withElement(0, 1, 0.75);
    assertAll(
        () -> assertArrayEquals(new double[] {0.5, 0.75}, changed.doubleArrayAt(0)),
        () -> assertArrayEquals(new double[] {0.5, 0.25}, point.doubleArrayAt(0)));
  }

  @Test
  void equalityComparesArraysElementByElement() {
    Point point = new Point(new double[] {0.5}, new int[] {2});
    assertAll(
        () -> assertEquals(new Point(new double[] {0.5}, new int[] {2}), point),
        () ->
            assertEquals(new Point(new double[] {0.5}, new int[] {2}).hashCode(), point.hashCode()),
        () -> assertNotEquals(new Point(new double[] {0.5}, new int[] {1}), point),
        () -> assertNotEquals(new Point(new double[] {0.5, 0.0}, new int[] {2}), point));
  }

  @Test
  void textShowsArraysAndEveryBitOfADouble() {
    Point point = new Point(new double[] {0.1 + 0.2, 0.25}, new int[] {2, 0}, 3, 4L, true, 1.0 / 3);
    assertEquals(
        "([0.30000000000000004, 0.25], [2, 0], 3, 4L, true, 0.3333333333333333)", point.toString());
  }
}
