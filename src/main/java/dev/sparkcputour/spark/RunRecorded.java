package dev.sparkcputour.spark;

import java.util.Map;
import org.apache.spark.scheduler.SparkListenerEvent;

/**
 * One measured repetition, posted to Spark's listener bus so that the event log carries it:
 * a report can then be rebuilt from the log alone (in cluster deploy mode the driver's own
 * files stay on a worker). Spark writes and reads custom events as JSON, by class name.
 */
public record RunRecorded(String workload, String strategy, boolean usesSpark, String phase, int repetition,
                          double seconds, String answer, Map<String, Object> params) implements SparkListenerEvent {

    @Override
    public boolean logEvent() {
        return true;
    }

    /** The machine the runs were measured on, posted once before them. */
    public record MachineRecorded(int cores, String java, String spark, String master, String serializer, String cpu,
                                  String jvm, String nd4jBackend, String blas, String gitCommit, double sparkStartupSeconds)
            implements SparkListenerEvent {
        @Override
        public boolean logEvent() {
            return true;
        }
    }

    /** Posts {@code event} to the application's listener bus (and so to its event log). */
    public static void post(SparkHandle spark, SparkListenerEvent event) {
        if (spark.isStarted()) {
            spark.context().sc().listenerBus().post(event);
        }
    }
}
