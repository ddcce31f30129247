package dev.sparkcputour.spark;

import dev.sparkcputour.results.SparkMetrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * A command's Spark application: its conf (built by {@link SparkConfs}), its context started on
 * first use ({@link ContextStart}) and stopped on close (its {@link EventLogFolder} tidied), and
 * what the strategies ask of a running context: labelled jobs, metrics, counters.
 */
public final class SparkHandle implements AutoCloseable {

    private static final long LISTENER_WAIT_MILLIS = 30_000;

    private final SparkConf conf;
    private final boolean owned;
    private final TaskFaults faults;
    private final EventLogFolder eventLogs;
    private final TaskMetricsListener listener = new TaskMetricsListener();
    private final Map<String, LongAccumulator> counters = new HashMap<>();
    private JavaSparkContext context;
    private double startupSeconds;

    private SparkHandle(SparkConf conf, JavaSparkContext context, boolean owned, TaskFaults faults) {
        this.conf = conf;
        this.context = context;
        this.owned = owned;
        this.faults = faults;
        this.eventLogs = new EventLogFolder(conf);
        if (context != null) {
            context.sc().addSparkListener(listener);
        }
    }

    /**
     * A handle for a context to be started later, with {@code faults} injected into every task of
     * the strategies' jobs (retries come from {@code local[N,maxFailures]} or {@code spark.task.maxFailures}).
     *
     * @throws IllegalArgumentException if the master URL is not one Spark can parse
     */
    public static SparkHandle create(String appName, Optional<String> master, TaskFaults faults) {
        return new SparkHandle(SparkConfs.of(appName, master), null, true, faults);
    }

    /** A handle over a context someone else owns (tests' shared context); {@link #close()} leaves it running. */
    public static SparkHandle wrap(JavaSparkContext existing) {
        return wrap(existing, TaskFaults.NONE);
    }

    /** As {@link #wrap(JavaSparkContext)}, with {@code faults} injected into the strategies' tasks. */
    public static SparkHandle wrap(JavaSparkContext existing, TaskFaults faults) {
        return new SparkHandle(existing.getConf(), existing, false, faults);
    }

    /** The settings the context starts with (tests read them). */
    SparkConf conf() {
        return conf;
    }

    /**
     * Ships task data, results and broadcasts with {@code serializer} (a class name) whatever the
     * conf says; only before the context starts.
     */
    public synchronized SparkHandle serializedWith(String serializer) {
        if (isStarted()) {
            throw new IllegalStateException("the context already runs with " + serializer());
        }
        SerializerConf.serializedWith(conf, serializer);
        return this;
    }

    /** The class name of Spark's serializer for task data, results and broadcasts. */
    public String serializer() {
        return SerializerConf.of(conf);
    }

    /** The master this handle starts, or started, its context on. */
    public String master() {
        return conf.get("spark.master");
    }

    /** The task faults the strategies inject into their jobs (none unless asked for). */
    public TaskFaults faults() {
        return faults;
    }

    public boolean isStarted() {
        return context != null;
    }

    /** Seconds spent starting the context, 0 if it was started elsewhere or not at all. */
    public double startupSeconds() {
        return startupSeconds;
    }

    /** The running context, started now if need be. */
    public synchronized JavaSparkContext context() {
        if (context == null) {
            eventLogs.ensureExists();
            long start = System.nanoTime();
            context = ContextStart.start(conf);
            startupSeconds = (System.nanoTime() - start) / 1e9;
            context.sc().addSparkListener(listener);
        }
        return context;
    }

    /**
     * Spark's metrics of all tasks so far, once every event posted until now has reached the
     * listener (the listener bus is asynchronous); none if Spark never started.
     */
    public SparkMetrics metrics() {
        if (!isStarted()) {
            return SparkMetrics.NONE;
        }
        // private[spark] in Scala, public in bytecode: the only way to know the bus has caught up
        try {
            context.sc().listenerBus().waitUntilEmpty(LISTENER_WAIT_MILLIS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain in "
                    + LISTENER_WAIT_MILLIS / 1000 + " s; metrics would be incomplete", e);
        }
        return listener.snapshot();
    }

    /** A driver-side counter that tasks add to, created once per name. */
    public synchronized LongAccumulator counter(String name) {
        return counters.computeIfAbsent(name, n -> context().sc().longAccumulator(n));
    }

    /** The UI's address, if the context runs one. */
    public Optional<String> uiUrl() {
        return isStarted() ? Optional.ofNullable(context.sc().uiWebUrl().getOrElse(() -> null)) : Optional.empty();
    }

    /** Runs {@code job} with its group, description and call site set, and clears them afterwards. */
    public <T> T run(JobLabel label, Function<JavaSparkContext, T> job) {
        JavaSparkContext sc = context();
        sc.setJobGroup(label.group(), label.description(), true);
        sc.setCallSite(label.callSite());
        try {
            return job.apply(sc);
        } catch (Exception e) { // Scala throws SparkException, a checked exception, without declaring it
            if (e instanceof SparkException failed) {
                throw JobFailedException.of(label, failed);
            }
            throw e;
        } finally {
            sc.clearCallSite();
            sc.clearJobGroup();
        }
    }

    @Override
    public synchronized void close() {
        if (owned && context != null) {
            String app = context.sc().applicationId();
            context.stop();
            context = null;
            eventLogs.finished(app);
        }
    }
}
