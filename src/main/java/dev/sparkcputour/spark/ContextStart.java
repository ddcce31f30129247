package dev.sparkcputour.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts a context: the master checked reachable first (an unreachable one fails in seconds, not
 * minutes), and on a cluster the executors awaited, so their launch stays out of the first timed job.
 */
final class ContextStart {

    /** How long a cluster driver waits for its first executors before it gives up, in seconds. */
    static final String EXECUTOR_WAIT = "spark.cputour.executorWaitSeconds";

    /** How long to try reaching a standalone master before calling it unreachable. */
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private ContextStart() {
    }

    /** A running context for {@code conf}, with its executors registered. */
    static JavaSparkContext start(SparkConf conf) {
        String master = conf.get("spark.master");
        MasterUrl.checkReachable(master, CONNECT_TIMEOUT_MILLIS);
        JavaSparkContext started = new JavaSparkContext(conf);
        if (!MasterUrl.isLocal(master)) {
            try {
                awaitExecutors(started);
            } catch (RuntimeException e) {
                started.stop();
                throw e;
            }
        }
        return started;
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
}
