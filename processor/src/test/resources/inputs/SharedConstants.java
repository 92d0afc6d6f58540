package inputs;

/**
 * Constants that other inputs read from outside their own class. Not differentiable itself.
 * {@code ROOT_TWO} is static final but not a compile-time constant: it is read at run time.
 */
final class SharedConstants {
  private SharedConstants() {}

  static final double GRAVITY = 9.81;
  static final int DOZEN = 12;
  static final long BILLION = 1_000_000_000L;
  static final double ROOT_TWO = Math.sqrt(2.0);

  /** A constant one class further in. */
  static final class Nested {
    private Nested() {}

    static final double HALF = 0.5;
  }
}
