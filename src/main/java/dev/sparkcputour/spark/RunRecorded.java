package dev.sparkcputour.spark;

import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.WarmupOutcome;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.scheduler.SparkListenerEvent;

/**
 * One measured repetition, posted to Spark's listener bus so that the event log carries it:
 * a report can then be rebuilt from the log alone (in cluster deploy mode the driver's own
 * files stay on a worker). Spark writes and reads custom events as JSON, by class name.
 */
public record RunRecorded(String workload, String strategy, boolean usesSpark, String phase, int repetition,
                          double seconds, String answer, Map<String, Object> params, Map<String, Long> counts,
                          WarmupOutcome warmup)
        implements SparkListenerEvent {

    /** What the run counted itself; none in logs written before runs recorded counts. */
    @Override
    public Map<String, Long> counts() {
        return counts == null ? Map.of() : counts;
    }

    /**
     * How the warm-ups stood when the run was recorded: on a timed run how they ended, on an auto
     * warm-up {@code UNSETTLED} (not yet); {@code FIXED} in logs written before runs recorded it,
     * when every warm-up count was fixed.
     */
    @Override
    public WarmupOutcome warmup() {
        return warmup == null ? WarmupOutcome.FIXED : warmup;
    }

    @Override
    public boolean logEvent() {
        return true;
    }

    /**
     * The {@link Machine} the runs were measured on, posted once before them. Its fields lie flat
     * because Spark writes a custom event as one JSON object by class name and event logs already
     * hold this shape; {@link #of} and {@link #machine} are the only conversions.
     */
    public record MachineRecorded(int cores, String java, String spark, String master, String serializer, String cpu,
                                  String jvm, String nd4jBackend, String blas, String gitCommit, double sparkStartupSeconds)
            implements SparkListenerEvent {

        public static MachineRecorded of(Machine m, double sparkStartupSeconds) {
            return new MachineRecorded(m.cores(), m.java(), m.spark(), m.master(), m.serializer(), m.cpu(), m.jvm(),
                    m.nd4jBackend(), m.blas(), m.gitCommit(), sparkStartupSeconds);
        }

        /** The machine again, in application {@code app}; logs written before the serializer was recorded have none. */
        public Machine machine(Optional<String> app) {
            return new Machine(cores, java, spark, master, serializer == null ? "not recorded" : serializer, cpu, jvm,
                    nd4jBackend, blas, gitCommit, app);
        }

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
