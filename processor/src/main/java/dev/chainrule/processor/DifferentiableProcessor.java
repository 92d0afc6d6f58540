package dev.chainrule.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.chainrule.processor.analysis.Activity;
import dev.chainrule.processor.analysis.CodeSize;
import dev.chainrule.processor.check.CallChecks;
import dev.chainrule.processor.check.ConstantArguments;
import dev.chainrule.processor.check.DeclarationChecks;
import dev.chainrule.processor.check.LanguageFence;
import dev.chainrule.processor.check.LanguageFence.CallSite;
import dev.chainrule.processor.check.LocalClassMethods;
import dev.chainrule.processor.check.Messages;
import dev.chainrule.processor.check.Problem;
import dev.chainrule.processor.check.Reporter;
import dev.chainrule.processor.check.ValidationReport;
import dev.chainrule.processor.emit.GeneratedFiles;
import dev.chainrule.processor.emit.WorkspaceWriter;
import dev.chainrule.processor.ir.Function;
import dev.chainrule.processor.ir.IrPrinter;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.lower.Lowering;
import dev.chainrule.processor.read.Attribution;
import dev.chainrule.processor.read.MethodReader;
import dev.chainrule.processor.read.References;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Generates, for each {@code @Differentiable} method, a class with its reverse-mode and
 * forward-mode derivatives. Each method goes through the pipeline on its own (check, read, lower,
 * write), so one bad method never hides another's errors or crashes the build.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes({DifferentiableProcessor.ANNOTATION, DifferentiableProcessor.GENERATED})
@SupportedOptions(DifferentiableProcessor.DEBUG_OPTION)
public final class DifferentiableProcessor extends AbstractProcessor {
  /** {@code -Achainrule.debug=true} prints each method's IR after every stage, as notes. */
  static final String DEBUG_OPTION = "chainrule.debug";

  static final String ANNOTATION = References.ANNOTATION;
  static final String GENERATED = "javax.annotation.processing.Generated";

  private Trees trees;
  private Reporter reporter;
  private final Set<URI> scannedUnits = new HashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    try {
      trees = Trees.instance(processingEnv);
    } catch (IllegalArgumentException notJavac) {
      trees = null;
    }
    reporter = new Reporter(trees, processingEnv.getMessager());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * Claims {@code @Differentiable}, and {@code @Generated} when every class carrying it this round
   * is one chainrule wrote: otherwise {@code -Xlint:processing} (in {@code -Xlint:all}) would warn
   * that nobody claimed them, which fails builds with {@code -Werror}.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ANNOTATION);
    if (annotation != null) {
      differentiateAll(ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation)));
      if (trees != null) {
        reportLocalClassMethods(round, annotation);
      }
    }
    return annotations.stream().allMatch(a -> a.equals(annotation) || onlyOnOurClasses(a, round));
  }

  private boolean onlyOnOurClasses(TypeElement generated, RoundEnvironment round) {
    String processor = getClass().getCanonicalName();
    return round.getElementsAnnotatedWith(generated).stream()
        .allMatch(
            e ->
                e.getAnnotationMirrors().stream()
                    .filter(m -> m.getAnnotationType().asElement().equals(generated))
                    .flatMap(m -> m.getElementValues().values().stream())
                    .anyMatch(v -> v.getValue().toString().contains(processor)));
  }

  private void reportLocalClassMethods(RoundEnvironment round, TypeElement annotation) {
    for (Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path == null || !scannedUnits.add(path.getCompilationUnit().getSourceFile().toUri())) {
        continue;
      }
      for (TreePath method : LocalClassMethods.in(trees, path.getCompilationUnit(), annotation)) {
        String name = ((MethodTree) method.getLeaf()).getName().toString();
        reporter.report(Problem.at(method, Messages.notNameable(name)));
      }
    }
  }

  private void differentiateAll(Set<ExecutableElement> methods) {
    if (methods.isEmpty()) {
      return;
    }
    if (trees == null) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, Messages.noTrees(processingEnv.getClass().getName()));
      return;
    }
    Map<ClassName, List<ExecutableElement>> byGeneratedClass = new LinkedHashMap<>();
    for (ExecutableElement method : methods) {
      byGeneratedClass
          .computeIfAbsent(GeneratedNames.generatedClass(method), k -> new ArrayList<>())
          .add(method);
    }
    // Check every method first: whether a caller can be generated depends on its callees.
    Map<ExecutableElement, Checked> checked = new LinkedHashMap<>();
    byGeneratedClass.forEach(
        (className, sharing) -> {
          for (ExecutableElement method : sharing) {
            Checked result = guarded(method, () -> check(method, className, sharing));
            checked.put(method, result != null ? result : failed(method, className));
          }
        });
    Map<ExecutableElement, List<CallSite>> calls = new LinkedHashMap<>();
    Map<ExecutableElement, ValidationReport> reports = new LinkedHashMap<>();
    checked.forEach(
        (method, result) -> {
          calls.put(method, result.calls());
          reports.put(method, result.report());
        });
    guarded(
        null,
        () -> {
          CallChecks.check(calls, reports);
          return null;
        });
    for (Checked result : checked.values()) {
      if (result.report().isClean()) {
        guarded(
            result.method(),
            () -> {
              generate(result);
              return null;
            });
      } else {
        reporter.report(result.report());
      }
    }
  }

  /** What checking found for one method, and what generating it needs. */
  private record Checked(
      ExecutableElement method,
      ClassName className,
      ValidationReport report,
      List<CallSite> calls,
      Function function,
      Trace trace) {}

  /** A method whose check failed inside chainrule: reported already, never generated. */
  private static Checked failed(ExecutableElement method, ClassName className) {
    ValidationReport report = new ValidationReport();
    report.markUnresolved();
    return new Checked(method, className, report, List.of(), null, null);
  }

  private Checked check(
      ExecutableElement method, ClassName className, List<ExecutableElement> sharing) {
    ValidationReport report = new ValidationReport();
    DeclarationChecks.checkGeneratedName(method, className, sharing, report);
    DeclarationChecks.check(method, report);
    TreePath path = trees.getPath(method);
    List<CallSite> calls = List.of();
    if (path == null) {
      report.add(Problem.at(method, Messages.noSource(DeclarationChecks.describe(method))));
    } else if (((MethodTree) path.getLeaf()).getBody() != null) {
      Attribution.ensure(trees, path);
      calls = LanguageFence.check(trees, path, method, className.simpleName(), report);
    }
    Function function = null;
    Trace trace = null;
    if (report.isClean()) {
      function = MethodReader.read(trees, path, method);
      try {
        trace = Lowering.lower(function);
      } catch (Lowering.Unlowerable unlowerable) {
        String name = DeclarationChecks.describe(method);
        report.add(
            Problem.at(
                method,
                unlowerable.reason() == Lowering.Unlowerable.Reason.TANGLED_RETURNS
                    ? Messages.returnsTooTangled(name)
                    : Messages.pathWithoutReturn(name)));
        return new Checked(method, className, report, calls, function, null);
      }
      ConstantArguments.check(trace, Activity.of(trace), calls, method).forEach(report::add);
      if (CodeSize.estimate(trace) > CodeSize.LIMIT) {
        report.add(
            Problem.at(
                method,
                Messages.tooLong(DeclarationChecks.describe(method), trace.steps().size())));
      }
    }
    return new Checked(method, className, report, calls, function, trace);
  }

  private void generate(Checked checked) {
    ExecutableElement method = checked.method();
    Function function = checked.function();
    Trace trace = checked.trace();
    if (Boolean.parseBoolean(processingEnv.getOptions().get(DEBUG_OPTION))) {
      printStages(method, function, trace);
    }
    ClassName className = checked.className();
    JavaFile file =
        GeneratedFiles.of(
            className.packageName(),
            WorkspaceWriter.write(trace, className),
            method,
            getClass().getCanonicalName());
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      reporter.report(
          Problem.at(
              (Element) method, Messages.cannotWrite(className.canonicalName(), e.getMessage())));
    }
  }

  /**
   * Runs one stage for one method so that a chainrule bug becomes an error on that method, not a
   * crash of the build; the method's report then carries the error, so its callers are rejected.
   */
  private <T> T guarded(ExecutableElement method, Supplier<T> stage) {
    try {
      return stage.get();
    } catch (RuntimeException | StackOverflowError e) {
      String name =
          method == null ? "the calls between methods" : DeclarationChecks.describe(method);
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, Messages.internalError(name, e), method);
      return null;
    }
  }

  private void printStages(ExecutableElement method, Function function, Trace trace) {
    Activity activity = Activity.of(trace);
    String stages =
        "[chainrule] read:\n"
            + IrPrinter.print(function)
            + "[chainrule] lowered (* marks active steps):\n"
            + IrPrinter.print(trace, activity::isActive);
    processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, stages, method);
  }
}
