package dev.chainrule;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method over doubles whose derivatives chainrule generates at compile time.
 *
 * <p>For a method {@code m} in class {@code p.C} (a nested class {@code C.D} gives the prefix
 * {@code C_D}), the {@code chainrule-processor} annotation processor writes {@code p.C_m}, a
 * reusable workspace:
 *
 * <pre>{@code
 * // src/main/java/demo/Neuron.java
 * package demo;
 *
 * import dev.chainrule.Differentiable;
 *
 * final class Neuron {
 *   @Differentiable
 *   static double loss(double w, double b, double x, double label) {
 *     double y = Math.tanh(w * x + b);
 *     double error = y - label;
 *     return error * error;
 *   }
 *
 *   public static void main(String[] args) {
 *     Neuron_loss neuron = new Neuron_loss();     // generated; one workspace per thread
 *     double loss = neuron.forward(0.5, 0.1, 1.0, 1.0);
 *     neuron.backward();                          // adds d(loss)/dw, d(loss)/db, ... to gradients
 *     System.out.println(loss + " " + neuron.gradW() + " " + neuron.gradB());
 *     neuron.zeroGrad();
 *     // forward mode: d(loss)/dw along the direction (1, 0, 0, 0)
 *     double dLossDw = Neuron_loss.tangent(0.5, 0.1, 1.0, 1.0, 1, 0, 0, 0);
 *   }
 * }
 * }</pre>
 *
 * <p>The generated class has {@code forward(...)} with the method's parameters, returning what the
 * method returns; {@code backward()}, which adds the gradient of the latest forward's result to a
 * gradient per {@code double} parameter, read with {@code gradX()} for parameter {@code x}; {@code
 * zeroGrad()}; and the static {@code tangent(..., xDot, ...)} for forward mode.
 *
 * <h2>Supported subset</h2>
 *
 * <p>The README's "What a {@code @Differentiable} method may contain" is the full list; in short:
 *
 * <ul>
 *   <li>The method is {@code static}, returns {@code double}, and takes {@code double} and {@code
 *       double[]} parameters (differentiable) and {@code int}, {@code int[]}, {@code long} or
 *       {@code boolean} parameters (constants); array parameters are read element by element and
 *       never written, and must not change between a {@code forward} and the {@code backward} after
 *       it, which reads them again.
 *   <li>Locals: {@code double} and {@code int} locals, and local {@code double[]} and {@code int[]}
 *       arrays made with {@code new double[n]} or an initialiser, read and written element by
 *       element.
 *   <li>Statements: assignments ({@code = += -= *= /=}, {@code ++}, {@code --}); blocks; {@code if}
 *       and {@code else}; {@code switch} on an {@code int} or {@code long}; {@code for}, enhanced
 *       {@code for}, {@code while} and {@code do}/{@code while}, with unlabeled {@code break} and
 *       {@code continue}; and {@code return} at the end of any block. The derivative is that of the
 *       path taken.
 *   <li>Expressions: {@code int}, {@code long} and {@code double} literals; parameters and locals;
 *       {@code static final} double, int or long fields that generated code can see, or that are
 *       compile-time constants; {@code + - * /}, {@code %} of ints, unary {@code -} and {@code +};
 *       casts to {@code double}; {@code ?:} and {@code switch} expressions; conditions with {@code
 *       < <= > >= == !=}, {@code && || !}, boolean parameters and literals; and these {@code
 *       java.lang.Math} or {@code StrictMath} functions: sin cos tan asin acos atan atan2 sinh cosh
 *       tanh exp expm1 log log10 log1p sqrt cbrt pow hypot abs max min, and signum floor ceil rint,
 *       whose derivative is zero.
 *   <li>Calls of other static {@code @Differentiable} methods compiled together with this one (not
 *       recursive, directly or mutually), with scalars and arrays passed whole, differentiated
 *       through their generated classes; and calls of static methods returning {@code int}, {@code
 *       long} or {@code boolean}, which are constants. Called methods must be visible to the
 *       generated class (not private).
 * </ul>
 *
 * <h2>Constant parameters</h2>
 *
 * <p>By default every {@code double} and {@code double[]} parameter is differentiated. {@link
 * #wrt()} names the ones to differentiate with respect to; the others are constants, like an {@code
 * int} parameter: the generated class has no gradient accessor and {@code tangent} no direction for
 * them, and {@code backward} spends no work on them. Data a model is trained on is the usual case:
 *
 * <pre>{@code
 * @Differentiable(wrt = "w")
 * static double loss(double[] w, double[] xs, double[] ys) { ... }   // gradW() only
 * }</pre>
 *
 * <p>At kinks chainrule follows PyTorch: {@code abs} has derivative 0 at 0; {@code max} and {@code
 * min} give half the gradient to each argument at a tie; {@code pow(x, y)} has zero derivative in
 * {@code x} where {@code y == 0}, and in {@code y} where {@code x == 0 && y >= 0}.
 *
 * <p>Anything else is a compile error on the offending code that says what is supported.
 */
@Documented
// RUNTIME, so that tools and tests can read wrt by reflection; the processor reads the source.
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Differentiable {
  /**
   * The names of the {@code double} and {@code double[]} parameters to differentiate with respect
   * to; empty, the default, for all of them. Listing a name that is not such a parameter, or one
   * twice, is a compile error.
   */
  String[] wrt() default {};
}
