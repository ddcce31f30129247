package dev.sparkcputour.harness;

import dev.sparkcputour.workload.Trial;

import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.RunRecorded;
import dev.sparkcputour.results.SparkMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs trials like a benchmark harness: Spark started first and timed apart, then per trial
 * {@code warmup} untimed runs and {@code repeat} timed ones, each answer consumed and checked
 * against the trial's first, so nothing is optimised away or silently wrong.
 */
public final class Harness {

    private static final long TICK_SECONDS = 5;

    private final int warmup;
    private final int repeat;
    private final Consumer<String> progress;
    private final Machine.Nd4jInfo nd4j;
    private final List<RunResult> finished = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Machine machine;

    /** A harness that reports what it is doing to {@code progress} (stderr), never into the results. */
    public Harness(int warmup, int repeat, Consumer<String> progress) {
        this(warmup, repeat, progress, Machine.Nd4jInfo.NOT_LOADED);
    }

    /** As above, for workloads that use ND4J, whose backend the results then name. */
    public Harness(int warmup, int repeat, Consumer<String> progress, Machine.Nd4jInfo nd4j) {
        if (warmup < 0 || repeat < 1) {
            throw new IllegalArgumentException("warmup must be >= 0 and repeat >= 1");
        }
        this.warmup = warmup;
        this.repeat = repeat;
        this.progress = progress;
        this.nd4j = nd4j;
    }

    /** Runs every trial in order and reports them; start-up of Spark is outside every timing. */
    public Report run(List<Trial> trials, SparkHandle spark) throws Exception {
        if (trials.stream().anyMatch(Trial::usesSpark)) {
            spark.context();
            progress.accept(String.format(Locale.ROOT, "Spark %s started in %.2f s on %s; UI: %s",
                    spark.context().sc().applicationId(), spark.startupSeconds(), spark.master(),
                    spark.uiUrl().orElse("disabled")));
        }
        Optional<String> app = spark.isStarted() ? Optional.of(spark.context().sc().applicationId()) : Optional.empty();
        Machine machine = Machine.current(sparkVersion(), spark.master(), spark.serializer(), nd4j, app);
        this.machine = machine;
        finished.clear();
        RunRecorded.post(spark, RunRecorded.MachineRecorded.of(machine, spark.startupSeconds()));
        for (Trial trial : trials) {
            finished.add(measure(trial, spark));
        }
        OptionalDouble startup = spark.isStarted() ? OptionalDouble.of(spark.startupSeconds()) : OptionalDouble.empty();
        return new Report(machine, List.copyOf(finished), startup, spark.uiUrl());
    }

    /** The runs finished so far, for a report of what was done when a run is interrupted; empty before any. */
    public Optional<Report> finishedSoFar() {
        Machine known = machine;
        List<RunResult> done = List.copyOf(finished);
        return known == null || done.isEmpty() ? Optional.empty()
                : Optional.of(new Report(known, done, OptionalDouble.empty(), Optional.empty()));
    }

    private RunResult measure(Trial trial, SparkHandle spark) throws Exception {
        progress.accept(String.format(Locale.ROOT, "running %s · %s (%d warm-up, %d timed)",
                trial.workload(), trial.strategy(), warmup, repeat));
        List<Double> warmups = new ArrayList<>();
        List<Double> timed = new ArrayList<>();
        List<SparkMetrics> metrics = new ArrayList<>();
        List<Map<String, Long>> counts = new ArrayList<>();
        Map<String, Object> settings = trial.settings().get();
        String answer = null;
        for (int i = 0; i < warmup + repeat; i++) {
            // snapshots wait for Spark's listener bus, so they stay outside the timed region
            SparkMetrics before = trial.usesSpark() ? spark.metrics() : SparkMetrics.NONE;
            String what = String.format(Locale.ROOT, "%s · %s: %s %d/%d", trial.workload(), trial.strategy(),
                    i < warmup ? "warm-up" : "timed run", i < warmup ? i + 1 : i - warmup + 1, i < warmup ? warmup : repeat);
            long start = System.nanoTime();
            String result;
            try (Ticker ticker = new Ticker(what, start)) {
                result = trial.work().call();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            SparkMetrics spent = trial.usesSpark() ? spark.metrics().minus(before) : SparkMetrics.NONE;
            if (trial.usesSpark() && i >= warmup) {
                metrics.add(spent);
            }
            if (answer != null && !answer.equals(result)) {
                throw new IllegalStateException(trial.workload() + " " + trial.strategy()
                        + " gave " + answer + " and then " + result + " for the same input");
            }
            answer = result;
            (i < warmup ? warmups : timed).add(seconds);
            Map<String, Long> counted = trial.counts().get();
            if (i >= warmup) {
                counts.add(counted);
            }
            // into the event log, after the run's own task events: a report can be rebuilt from the log
            RunRecorded.post(spark, new RunRecorded(trial.workload(), trial.strategy(), trial.usesSpark(),
                    i < warmup ? "warmup" : "timed", i < warmup ? i + 1 : i - warmup + 1, seconds, result, settings, counted));
            progress.accept(String.format(Locale.ROOT, "  %s took %.3f s%s", what, seconds, spent.failedTasks() == 0
                    ? "" : String.format(Locale.ROOT, " (%d failed task attempts retried)", spent.failedTasks())));
        }
        return new RunResult(trial.workload(), trial.strategy(), settings, warmups, timed, answer,
                trial.usesSpark() ? Optional.of(SparkMetrics.mean(metrics)) : Optional.empty(), counts);
    }

    /**
     * A progress line every few seconds while one run is still going, so a long serial or
     * thread run is not silent (Spark's own stages show Spark's console progress bar).
     */
    private final class Ticker implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "harness-progress");
            thread.setDaemon(true);
            return thread;
        });

        Ticker(String what, long start) {
            timer.scheduleAtFixedRate(() -> progress.accept(String.format(Locale.ROOT, "  %s still running after %.0f s",
                    what, (System.nanoTime() - start) / 1e9)), TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** The Spark version on the classpath, known without starting a context. */
    private static String sparkVersion() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }
}
