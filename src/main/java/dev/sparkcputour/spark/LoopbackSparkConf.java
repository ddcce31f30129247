package dev.sparkcputour.spark;

import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * A SparkConf whose {@code SPARK_LOCAL_IP} defaults to 127.0.0.1, for local masters. Spark's
 * web UI binds to that environment variable or, without it, to every interface; no property
 * controls it, and a JVM cannot set its own environment. Spark reads the environment through
 * {@code SparkConf.getenv} on the context's clone of the conf, so both are overridden here.
 */
final class LoopbackSparkConf extends SparkConf {

    private static final String LOCAL_IP = "SPARK_LOCAL_IP";
    static final String LOOPBACK = "127.0.0.1";

    LoopbackSparkConf() {
        super(true);
    }

    private LoopbackSparkConf(SparkConf from) {
        super(false);
        for (Tuple2<String, String> setting : from.getAll()) {
            set(setting._1(), setting._2());
        }
    }

    @Override
    public String getenv(String name) {
        String value = super.getenv(name);
        return value == null && LOCAL_IP.equals(name) ? LOOPBACK : value;
    }

    @Override
    public SparkConf clone() {
        return new LoopbackSparkConf(this);
    }
}
