package dev.sparkcputour.harness;

import dev.sparkcputour.workload.Trial;

import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.RunRecorded;
import dev.sparkcputour.results.SparkMetrics;
import dev.sparkcputour.results.WarmupOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Runs trials like a benchmark harness: Spark started first and timed apart, then per trial
 * untimed runs (a fixed number, or until its times settle) and {@code repeat} timed ones, each
 * answer consumed and checked against the trial's first, so nothing is optimised away or silently wrong.
 */
public final class Harness {

    /** How often auto warm-ups say how they are doing: once a second, not once a run. */
    private static final long SAY_EVERY_NANOS = 1_000_000_000L;

    private final WarmupPlan warmup;
    private final int repeat;
    private final Consumer<String> progress;
    private final Machine.Nd4jInfo nd4j;
    private final List<RunResult> finished = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Machine machine;

    /**
     * A harness with a fixed number of warm-ups that reports what it is doing to {@code progress}
     * (stderr), never into the results.
     */
    public Harness(int warmup, int repeat, Consumer<String> progress) {
        this(WarmupPlan.fixed(warmup), repeat, progress, Machine.Nd4jInfo.NOT_LOADED);
    }

    /** As above, with {@code warmup}'s warm-ups, for workloads that may use ND4J, whose backend the results name. */
    public Harness(WarmupPlan warmup, int repeat, Consumer<String> progress, Machine.Nd4jInfo nd4j) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be >= 1");
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
        progress.accept(String.format(Locale.ROOT, "running %s · %s (%s, %d timed)",
                trial.workload(), trial.strategy(), warmup.describe(), repeat));
        String name = trial.workload() + " · " + trial.strategy();
        try (TrialRuns runs = new TrialRuns(trial, spark, progress)) {
            List<Settling.Run> warmups = new ArrayList<>();
            long start = System.nanoTime();
            long said = start - SAY_EVERY_NANOS; // the first warm-up is said
            Optional<WarmupOutcome> outcome;
            while ((outcome = warmup.stop(warmups, (System.nanoTime() - start) / 1e9)).isEmpty()) {
                int number = warmups.size() + 1;
                // a fixed count says every warm-up; auto ones, up to a thousand, say one a second
                boolean fixed = warmup instanceof WarmupPlan.Fixed;
                boolean say = fixed || System.nanoTime() - said >= SAY_EVERY_NANOS;
                String of = warmup instanceof WarmupPlan.Fixed f ? "/" + f.runs() : "";
                TrialRuns.Run run = runs.run("warmup", number, name + ": warm-up " + number + of, say,
                        fixed ? WarmupOutcome.FIXED : WarmupOutcome.UNSETTLED);
                said = say ? System.nanoTime() : said;
                warmups.add(new Settling.Run(run.seconds(), run.jitSeconds()));
            }
            sayHowTheWarmupsEnded(name, outcome.get(), warmups, (System.nanoTime() - start) / 1e9);
            List<Double> timed = new ArrayList<>();
            List<SparkMetrics> metrics = new ArrayList<>();
            List<Map<String, Long>> counts = new ArrayList<>();
            for (int i = 1; i <= repeat; i++) {
                TrialRuns.Run run = runs.run("timed", i, name + ": timed run " + i + "/" + repeat, true, outcome.get());
                timed.add(run.seconds());
                metrics.add(run.spent());
                counts.add(run.counts());
            }
            return new RunResult(trial.workload(), trial.strategy(), runs.settings(),
                    warmups.stream().map(Settling.Run::seconds).toList(), timed, runs.answer(),
                    trial.usesSpark() ? Optional.of(SparkMetrics.mean(metrics)) : Optional.empty(),
                    counts, outcome.get());
        }
    }

    /** Auto warm-ups end with a line saying whether they settled, after how many, and on what. */
    private void sayHowTheWarmupsEnded(String name, WarmupOutcome outcome, List<Settling.Run> warmups, double seconds) {
        if (!(warmup instanceof WarmupPlan.UntilSettled auto)) {
            return;
        }
        String window = auto.rule().window(warmups).map(auto.rule()::summary).orElse("too few runs to judge");
        progress.accept(String.format(Locale.ROOT, "  %s %s after %d warm-up%s in %.1f s: %s%s", name,
                outcome == WarmupOutcome.SETTLED ? "settled" : "did not settle", warmups.size(),
                warmups.size() == 1 ? "" : "s", seconds, window,
                outcome == WarmupOutcome.SETTLED ? "" : "; its warm-up budget is spent, so it is timed as it is"));
    }

    /** The Spark version on the classpath, known without starting a context. */
    private static String sparkVersion() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }
}
