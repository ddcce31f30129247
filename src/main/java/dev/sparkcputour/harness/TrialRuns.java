package dev.sparkcputour.harness;

import dev.sparkcputour.results.SparkMetrics;
import dev.sparkcputour.results.WarmupOutcome;
import dev.sparkcputour.spark.RunRecorded;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Trial;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One trial's runs, one at a time: each timed around the work only, its answer checked against
 * the first run's and recorded in Spark's event log, with what Spark spent and what the JIT compiled meanwhile.
 */
final class TrialRuns implements AutoCloseable {

    private static final long TICK_SECONDS = 5;

    private final Trial trial;
    private final SparkHandle spark;
    private final Map<String, Object> settings;
    private final Consumer<String> progress;
    /**
     * One thread per trial, not one per run: a new executor with its thread took 190-330 µs a run
     * on 2 busy cores, against 1-2 µs to schedule on this one, and the sieve's runs take 0.3 ms.
     */
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "harness-progress");
        thread.setDaemon(true);
        return thread;
    });
    private String answer;

    /** One run: its seconds, the JIT's compiling seconds meanwhile, what Spark spent and what the trial counted. */
    record Run(double seconds, double jitSeconds, SparkMetrics spent, Map<String, Long> counts) {
    }

    TrialRuns(Trial trial, SparkHandle spark, Consumer<String> progress) {
        this.trial = trial;
        this.spark = spark;
        this.settings = trial.settings().get();
        this.progress = progress;
    }

    Map<String, Object> settings() {
        return settings;
    }

    /** The answer every run gave so far. */
    String answer() {
        return answer;
    }

    /**
     * Runs the work once as {@code phase} ({@code warmup} or {@code timed}) number {@code number}
     * ({@code what} names it in progress lines, said only when {@code say}); {@code warmup} is how
     * the warm-ups stand, for the event log.
     */
    Run run(String phase, int number, String what, boolean say, WarmupOutcome warmup) throws Exception {
        // snapshots wait for Spark's listener bus, so they stay outside the timed region
        SparkMetrics before = trial.usesSpark() ? spark.metrics() : SparkMetrics.NONE;
        double compiledBefore = jitSeconds();
        ScheduledFuture<?> ticks = ticking(what);
        String result;
        long start = System.nanoTime();
        try {
            result = trial.work().call();
        } finally {
            ticks.cancel(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double compiled = jitSeconds() - compiledBefore;
        SparkMetrics spent = trial.usesSpark() ? spark.metrics().minus(before) : SparkMetrics.NONE;
        if (answer != null && !answer.equals(result)) {
            throw new IllegalStateException(trial.workload() + " " + trial.strategy()
                    + " gave " + answer + " and then " + result + " for the same input");
        }
        answer = result;
        Map<String, Long> counted = trial.counts().get();
        // into the event log, after the run's own task events: a report can be rebuilt from the log
        RunRecorded.post(spark, new RunRecorded(trial.workload(), trial.strategy(), trial.usesSpark(), phase, number,
                seconds, result, settings, counted, warmup));
        if (say) {
            progress.accept(String.format(Locale.ROOT, "  %s took %.3f s%s", what, seconds, spent.failedTasks() == 0
                    ? "" : String.format(Locale.ROOT, " (%d failed task attempts retried)", spent.failedTasks())));
        }
        return new Run(seconds, compiled, spent, counted);
    }

    /**
     * Seconds the JVM's JIT compilers have spent so far, summed over their threads (a compilation
     * counts once it ends); 0 where the JVM does not say.
     */
    private static double jitSeconds() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() / 1e3 : 0;
    }

    /**
     * A progress line every few seconds while one run is still going, so a long serial or thread
     * run is not silent (Spark's own stages show Spark's console progress bar). Scheduled before
     * the clock starts, so that no run times it.
     */
    private ScheduledFuture<?> ticking(String what) {
        long start = System.nanoTime();
        return ticker.scheduleAtFixedRate(() -> progress.accept(String.format(Locale.ROOT,
                "  %s still running after %.0f s", what, (System.nanoTime() - start) / 1e9)),
                TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops the ticker's thread. */
    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
