package dev.sparkcputour.support;

import com.holdenkarau.spark.testing.SharedJavaSparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 driver for spark-testing-base's {@link SharedJavaSparkContext}, whose own lifecycle
 * hooks are JUnit 4 annotations: one local context (UI off) per test class, injected as a
 * {@link JavaSparkContext} parameter. Use with {@code @ExtendWith(SharedSpark.class)}.
 */
public final class SharedSpark implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final SharedJavaSparkContext SHARED = new SharedJavaSparkContext();

    @Override
    public void beforeAll(ExtensionContext context) {
        SHARED.runBefore();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SharedJavaSparkContext.runAfterClass();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == JavaSparkContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SHARED.jsc();
    }
}
