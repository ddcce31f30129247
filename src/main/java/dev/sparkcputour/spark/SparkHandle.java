package dev.sparkcputour.spark;

import dev.sparkcputour.results.SparkMetrics;

import dev.sparkcputour.config.Defaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spark context started on first use, with the master checked up front. The master comes from
 * {@code --master}, else from spark-submit ({@code spark.master}), else {@link Defaults#MASTER}.
 */
public final class SparkHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkHandle.class);

    private static final long LISTENER_WAIT_MILLIS = 30_000;

    /** The file holding the cluster's authentication secret, for drivers launched on a worker. */
    public static final String SECRET_FILE = "spark.cputour.auth.file";

    /** How long a cluster driver waits for its first executors before it gives up, in seconds. */
    public static final String EXECUTOR_WAIT = "spark.cputour.executorWaitSeconds";

    /** How long to try reaching a standalone master before calling it unreachable. */
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final SparkConf conf;
    private final boolean owned;
    private final TaskFaults faults;
    private final TaskMetricsListener listener = new TaskMetricsListener();
    private final Map<String, LongAccumulator> counters = new HashMap<>();
    private JavaSparkContext context;
    private double startupSeconds;

    private SparkHandle(SparkConf conf, JavaSparkContext context, boolean owned, TaskFaults faults) {
        this.conf = conf;
        this.context = context;
        this.owned = owned;
        this.faults = faults;
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
        String chosen = master.orElse(new SparkConf().get("spark.master", Defaults.MASTER));
        if (!MasterUrl.isLocal(MasterUrl.check(chosen))) {
            return new SparkHandle(withSecretFromFile(SerializerConf.withDefaults(
                    new SparkConf().setAppName(appName).set("spark.master", chosen))), null, true, faults);
        }
        // a laptop run must not expose its driver, block manager or UI to the network it sits on
        SparkConf conf = new LoopbackSparkConf().setAppName(appName).set("spark.master", chosen)
                .setIfMissing("spark.driver.host", LoopbackSparkConf.LOOPBACK)
                .setIfMissing("spark.driver.bindAddress", LoopbackSparkConf.LOOPBACK)
                // tasks read the driver's own broadcast values: no piece is ever fetched, so checksumming them is waste
                .setIfMissing("spark.broadcast.checksum", "false");
        return new SparkHandle(SerializerConf.withDefaults(conf), null, true, faults);
    }

    /**
     * A standalone cluster does not forward {@code spark.authenticate.secret} to a driver it
     * launches in cluster deploy mode, nor any setting whose name says "secret"; the submit
     * script names the secret's file ({@link #SECRET_FILE}, readable only by the user) and the
     * driver reads it.
     */
    static SparkConf withSecretFromFile(SparkConf conf) {
        if (conf.getBoolean("spark.authenticate", false) && !conf.contains("spark.authenticate.secret")
                && conf.contains(SECRET_FILE)) {
            try {
                conf.set("spark.authenticate.secret", Files.readString(Path.of(conf.get(SECRET_FILE))).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cluster's secret file", e);
            }
        }
        return conf;
    }

    /** A handle over a context someone else owns (tests' shared context); {@link #close()} leaves it running. */
    public static SparkHandle wrap(JavaSparkContext existing) {
        return new SparkHandle(existing.getConf(), existing, false, TaskFaults.NONE);
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
            ensureEventLogDirectory();
            MasterUrl.checkReachable(master(), CONNECT_TIMEOUT_MILLIS);
            long start = System.nanoTime();
            JavaSparkContext started = new JavaSparkContext(conf);
            if (!MasterUrl.isLocal(master())) {
                try {
                    awaitExecutors(started);
                } catch (RuntimeException e) {
                    started.stop();
                    throw e;
                }
            }
            context = started;
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

    /**
     * On a cluster, executors register after the context starts; waiting for them (until their
     * number holds still for a second) keeps their launch out of the first timed job. None within
     * {@link #EXECUTOR_WAIT} (a minute by default), or a master that drops the application, is a
     * failure, not a hang.
     */
    private static void awaitExecutors(JavaSparkContext sc) {
        long waitSeconds = sc.getConf().getLong(EXECUTOR_WAIT, 60);
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        int seen = 0;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (sc.sc().isStopped()) {
                throw new IllegalStateException("the master at " + sc.master()
                        + " dropped the application before any executor started (see the log above)");
            }
            int executors = sc.statusTracker().getExecutorInfos().length - 1; // minus the driver
            if (executors != seen) {
                seen = executors;
                stableSince = System.nanoTime();
            } else if (seen > 0 && System.nanoTime() - stableSince > 1_000_000_000L) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (seen == 0) {
            throw new IllegalStateException("no executor registered within " + waitSeconds + " s on " + sc.master()
                    + ": is it a Spark master, and do its workers have the free cores and memory asked for?");
        }
    }

    /** Spark refuses to start when the event-log folder is missing; create a local one. */
    private void ensureEventLogDirectory() {
        Optional<Path> dir = localEventLogDirectory();
        if (dir.isPresent()) {
            try {
                Files.createDirectories(dir.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the event-log folder " + dir.get(), e);
            }
        }
    }

    /** The event-log folder, if logging is on and the folder is local (hdfs:// and friends are the cluster's business). */
    private Optional<Path> localEventLogDirectory() {
        if (!conf.getBoolean("spark.eventLog.enabled", false)) {
            return Optional.empty();
        }
        String dir = conf.get("spark.eventLog.dir", "/tmp/spark-events");
        URI uri = URI.create(dir);
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() == null ? Path.of(dir) : Path.of(uri));
    }

    @Override
    public synchronized void close() {
        if (owned && context != null) {
            String app = context.sc().applicationId();
            context.stop();
            context = null;
            localEventLogDirectory().ifPresent(dir -> {
                try {
                    EventLogPermissions.applyUmask(dir, app);
                } catch (IOException e) {
                    LOG.warn("cannot give the event log of {} the user's default permissions: {}", app, e.getMessage());
                }
            });
        }
    }
}
