package dev.chainrule.processor.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Reflective calls that rethrow what the called code threw, unwrapped from {@link
 * InvocationTargetException}, so a test can expect the generated code's own exception.
 */
final class Reflection {
  private Reflection() {}

  static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(method + " threw", cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(method + " is not accessible", e);
    }
  }

  /** The public method, or an AssertionError naming what the contract says should be there. */
  static Method member(Class<?> type, String name, Class<?>... parameterTypes) {
    try {
      return type.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(
          type.getName() + " has no public " + name + Arrays.toString(parameterTypes), e);
    }
  }
}
