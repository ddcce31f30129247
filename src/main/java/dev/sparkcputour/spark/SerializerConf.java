package dev.sparkcputour.spark;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * How task data, results and broadcasts travel: Spark's serializer, Kryo's registration, and the
 * size up to which a task's result rides with its status update. The one owner of these values:
 * every context gets them unless its conf sets them; {@code conf/spark-defaults.conf} repeats
 * them, with the figures behind them, for spark-submit, and a test checks that the two agree.
 */
public final class SerializerConf {

    public static final String KEY = "spark.serializer";
    // names, not class literals: the help must not need Spark's classes
    public static final String JAVA = "org.apache.spark.serializer.JavaSerializer";
    public static final String KRYO = "org.apache.spark.serializer.KryoSerializer";

    /**
     * Java's: Kryo moves this project's data no faster (ShippedArray copies buffers in bulk under
     * both) and costs more per task (see conf/spark-defaults.conf for the figures).
     */
    public static final String DEFAULT = JAVA;

    static final Map<String, String> DEFAULTS = Map.of(
            KEY, DEFAULT,
            "spark.kryo.registrator", TourKryoRegistrator.class.getName(),
            "spark.kryo.registrationRequired", "true",
            "spark.task.maxDirectResultSize", "16m");

    private SerializerConf() {
    }

    /** {@code conf} with every setting it lacks set to its default. */
    public static SparkConf withDefaults(SparkConf conf) {
        DEFAULTS.forEach(conf::setIfMissing);
        return conf;
    }

    /** {@code conf} with Spark's serializer set to {@code serializer} (a class name), the rest defaulted. */
    public static SparkConf serializedWith(SparkConf conf, String serializer) {
        return withDefaults(conf.set(KEY, serializer));
    }

    /** A serializer's short name: {@code kryo} for {@code org.apache.spark.serializer.KryoSerializer}. */
    public static String shortName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return (simple.endsWith("Serializer") ? simple.substring(0, simple.length() - "Serializer".length()) : simple)
                .toLowerCase(Locale.ROOT);
    }

    /** The serializer {@code conf} names: the class name, Java's when unset (Spark's own default). */
    public static String of(SparkConf conf) {
        return conf.get(KEY, JAVA);
    }
}
