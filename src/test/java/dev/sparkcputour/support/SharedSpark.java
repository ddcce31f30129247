package dev.sparkcputour.support;

import com.holdenkarau.spark.testing.SharedJavaSparkContext;
import dev.sparkcputour.spark.SerializerConf;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 driver for spark-testing-base's {@link SharedJavaSparkContext}, whose own lifecycle
 * hooks are JUnit 4 annotations: one local context (UI off) per test class, injected as a
 * {@link JavaSparkContext} parameter, with the serializer settings every run of the tool gets
 * ({@link SerializerConf}) or the serializer the class names with {@link SerializedWith}, on
 * {@code local[*]} or the master it names with {@link Master}.
 * Use with {@code @ExtendWith(SharedSpark.class)}.
 */
public final class SharedSpark implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** Runs the class's context with this serializer (a class name) instead of the default. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface SerializedWith {
        String value();
    }

    /** Runs the class's context on this master, e.g. {@code local[2,2]} for retried tasks. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Master {
        String value();
    }

    /** Set before the context starts; a JVM runs one test class (surefire's reuseForks=false). */
    private static volatile String serializer = SerializerConf.DEFAULT;
    private static volatile String master = "local[*]";

    private static final SharedJavaSparkContext SHARED = new SharedJavaSparkContext() {
        @Override
        public SparkConf conf() {
            return SerializerConf.serializedWith(super.conf().setMaster(master), serializer);
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        serializer = serializerOf(context.getRequiredTestClass());
        master = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Master.class).map(Master::value)
                .orElse("local[*]");
        SHARED.runBefore();
    }

    /** The serializer the context of {@code testClass} runs with. */
    public static String serializerOf(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, SerializedWith.class).map(SerializedWith::value)
                .orElse(SerializerConf.DEFAULT);
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
