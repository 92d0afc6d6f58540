package dev.chainrule.tape;

import java.util.Arrays;

/**
 * The stack a generated workspace keeps for its loops: {@code forward} pushes what each pass of a
 * loop body computes and {@code backward} will need, and {@code backward} pops it again, last pass
 * first. Doubles, ints (counts, indices, the way a branch went) and longs have a stack each.
 *
 * <p>Popping does not discard: {@link #rewind()} makes everything pushed since the last {@link
 * #clear()} readable again, so {@code backward} can run twice for one {@code forward}. The stacks
 * grow by doubling and never shrink, so once a workspace has seen its largest input, {@code
 * forward} and {@code backward} allocate nothing. A tape belongs to one workspace, so to one
 * thread.
 */
public final class Tape {
  private static final int INITIAL_CAPACITY = 64;

  private double[] doubles = new double[INITIAL_CAPACITY];
  private int[] ints = new int[INITIAL_CAPACITY];
  private long[] longs = new long[0];
  private int doubleCount;
  private int intCount;
  private int longCount;
  private int doubleCursor;
  private int intCursor;
  private int longCursor;

  /** Forgets everything pushed: a new forward starts. */
  public void clear() {
    doubleCount = 0;
    intCount = 0;
    longCount = 0;
    doubleCursor = 0;
    intCursor = 0;
    longCursor = 0;
  }

  /** Makes the next pops read from the last value pushed backwards. */
  public void rewind() {
    doubleCursor = doubleCount;
    intCursor = intCount;
    longCursor = longCount;
  }

  public void push(double value) {
    if (doubleCount == doubles.length) {
      doubles = Arrays.copyOf(doubles, grown(doubles.length));
    }
    doubles[doubleCount++] = value;
  }

  public void push(int value) {
    if (intCount == ints.length) {
      ints = Arrays.copyOf(ints, grown(ints.length));
    }
    ints[intCount++] = value;
  }

  /** Longs are rare in loops (long arithmetic on long parameters): their stack starts empty. */
  public void push(long value) {
    if (longCount == longs.length) {
      longs = Arrays.copyOf(longs, longs.length == 0 ? INITIAL_CAPACITY : grown(longs.length));
    }
    longs[longCount++] = value;
  }

  /** An array's elements, then its length: for {@link #popDoubles}. */
  public void push(double[] values) {
    for (double value : values) {
      push(value);
    }
    push(values.length);
  }

  /** An array's elements, then its length: for {@link #popInts}. */
  public void push(int[] values) {
    for (int value : values) {
      push(value);
    }
    push(values.length);
  }

  /** A branch's direction, kept with the ints. */
  public void push(boolean value) {
    push(value ? 1 : 0);
  }

  /**
   * The double pushed before the one popped last.
   *
   * @throws IllegalStateException if every double pushed has been popped since the last rewind
   */
  public double popDouble() {
    if (doubleCursor == 0) {
      throw new IllegalStateException(
          "the tape has no double left to pop: backward read more than forward recorded");
    }
    return doubles[--doubleCursor];
  }

  /**
   * The int pushed before the one popped last.
   *
   * @throws IllegalStateException if every int pushed has been popped since the last rewind
   */
  public int popInt() {
    if (intCursor == 0) {
      throw new IllegalStateException(
          "the tape has no int left to pop: backward read more than forward recorded");
    }
    return ints[--intCursor];
  }

  /**
   * The long pushed before the one popped last.
   *
   * @throws IllegalStateException if every long pushed has been popped since the last rewind
   */
  public long popLong() {
    if (longCursor == 0) {
      throw new IllegalStateException(
          "the tape has no long left to pop: backward read more than forward recorded");
    }
    return longs[--longCursor];
  }

  /**
   * The array pushed whole before the value popped last, in {@code reuse} if it has the array's
   * length (so a workspace that keeps it allocates nothing), else in a new array.
   */
  public double[] popDoubles(double[] reuse) {
    int length = popInt();
    double[] values = reuse != null && reuse.length == length ? reuse : new double[length];
    for (int i = length - 1; i >= 0; i--) {
      values[i] = popDouble();
    }
    return values;
  }

  /** Like {@link #popDoubles}, for an int array. */
  public int[] popInts(int[] reuse) {
    int length = popInt();
    int[] values = reuse != null && reuse.length == length ? reuse : new int[length];
    for (int i = length - 1; i >= 0; i--) {
      values[i] = popInt();
    }
    return values;
  }

  public boolean popBoolean() {
    return popInt() != 0;
  }

  /** How many values forward pushed, doubles, ints and longs together. */
  public int size() {
    return doubleCount + intCount + longCount;
  }

  private static int grown(int capacity) {
    if (capacity >= Integer.MAX_VALUE / 2) {
      throw new IllegalStateException(
          "the tape is full: loops pushed more than a billion values of one kind in one forward");
    }
    return capacity * 2;
  }
}
