/**
 * The differential fuzz test (issue 6, item 1): random {@code @Differentiable} programs, each
 * checked against its own source.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.chainrule.processor.fuzz.Ast} — the programs' syntax tree: records for
 *       expressions, conditions and statements, and the traversal and rewriting the shrinker uses.
 *   <li>{@link dev.chainrule.processor.fuzz.Generator} — random programs over the whole supported
 *       subset, valid and within their functions' domains by construction.
 *   <li>{@link dev.chainrule.processor.fuzz.Printer} — the tree as Java source.
 *   <li>{@link dev.chainrule.processor.fuzz.Interpreter} — runs a method with doubles (the
 *       magnitude of its values, and a check on the test itself) or with the runtime's {@code
 *       Value} engine (a second opinion on gradients).
 *   <li>{@link dev.chainrule.processor.fuzz.Harness} — samples points, compiles programs through
 *       the processor many per javac run, and runs every check.
 *   <li>{@link dev.chainrule.processor.fuzz.Shrinker} and {@link
 *       dev.chainrule.processor.fuzz.Validator} — shrink a failing program on its tree.
 *   <li>{@link dev.chainrule.processor.fuzz.Coverage} — which features a run's programs had.
 *   <li>{@link dev.chainrule.processor.fuzz.KnownBugs} — processor bugs found and steered around
 *       until they are fixed, each with its reproducer.
 *   <li>{@link dev.chainrule.processor.fuzz.FuzzTest} — the test: seed, count and the other system
 *       properties, the summary and the failure report. {@link
 *       dev.chainrule.processor.fuzz.FuzzSelfTest} checks the machinery without javac.
 * </ul>
 *
 * <h2>Running it</h2>
 *
 * <pre>
 * mvn -q -o test -pl processor -am -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dchainrule.fuzz.programs=5000 -Dchainrule.fuzz.seed=7
 * </pre>
 *
 * <p>A failure names the seed and the program's number; {@code -Dchainrule.fuzz.only=N} with the
 * same seed runs that program alone, and {@code -Dchainrule.fuzz.dump=DIR} writes the sources.
 */
package dev.chainrule.processor.fuzz;
