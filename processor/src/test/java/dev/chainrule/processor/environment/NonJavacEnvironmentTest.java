package dev.chainrule.processor.environment;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.chainrule.processor.DifferentiableProcessor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * A compiler whose processing environment is not javac's (Eclipse's, or a build tool's wrapper) has
 * no Trees API: chainrule must say so once, clearly, instead of failing on every method.
 */
class NonJavacEnvironmentTest {

  @Test
  void reportsThatChainruleNeedsJavac() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new ForeignEnvironment(new DifferentiableProcessor()))
            .compile(
                JavaFileObjects.forSourceString(
                    "demo.Square",
                    """
                    package demo;

                    import dev.chainrule.Differentiable;

                    class Square {
                      @Differentiable
                      static double f(double x) {
                        return x * x;
                      }

                      @Differentiable
                      static double g(double x) {
                        return x + x;
                      }
                    }
                    """));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("chainrule needs javac");
    assertThat(compilation).hadErrorContaining("com.sun.source.util.Trees");
  }

  /** Hands the processor a processing environment that is not javac's own class. */
  private static final class ForeignEnvironment extends AbstractProcessor {
    private final Processor delegate;

    ForeignEnvironment(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
      super.init(environment);
      delegate.init(
          (ProcessingEnvironment)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {ProcessingEnvironment.class},
                  (proxy, method, args) -> {
                    try {
                      return method.invoke(environment, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  }));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }
}
