package dev.sparkcputour.harness;

import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.TaskFaults;
import dev.sparkcputour.workload.Trial;
import dev.sparkcputour.workload.TrialPlan;
import dev.sparkcputour.workload.WorkloadOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One command's measurement: the trials of the chosen workloads (in the order given) and
 * strategies, run by a {@link Harness}, and the core sweep. Commands parse; this assembles.
 */
public final class Comparison {

    private final List<WorkloadOptions> workloads;
    private final Set<String> strategies;
    private final boolean named;
    private final int warmup;
    private final int repeat;
    private final Consumer<String> progress;
    private final Consumer<Harness> started;

    /**
     * @param strategies the strategies named (empty: all); {@code named} when the user chose one on purpose
     * @param progress   where the harness says what it is doing (stderr)
     * @param started    told of each harness before it runs (so an interruption can report what finished)
     */
    public Comparison(List<WorkloadOptions> workloads, Set<String> strategies, boolean named, int warmup, int repeat,
                      Consumer<String> progress, Consumer<Harness> started) {
        this.workloads = List.copyOf(workloads);
        this.strategies = Set.copyOf(strategies);
        this.named = named;
        this.warmup = warmup;
        this.repeat = repeat;
        this.progress = progress;
        this.started = started;
    }

    /** The trials of every chosen workload on {@code threads} threads (only those that scale with cores, for a sweep). */
    public Trials trials(SparkHandle spark, int threads, boolean onlyScaling) {
        List<Trial> trials = new ArrayList<>();
        boolean nd4j = false;
        for (WorkloadOptions workload : workloads) {
            List<Trial> made = workload.trials(new TrialPlan(strategies, named, threads, onlyScaling, spark));
            nd4j |= workload.usesNd4j() && !made.isEmpty();
            trials.addAll(made);
        }
        return new Trials(trials, nd4j);
    }

    /** Trials ready to run, and whether they load ND4J (whose backend the results then name). */
    public record Trials(List<Trial> list, boolean nd4j) {
        public boolean isEmpty() {
            return list.isEmpty();
        }
    }

    /** Runs {@code trials} on {@code spark}: warm-ups, timed repetitions, every answer checked. */
    public Report run(Trials trials, SparkHandle spark) throws Exception {
        Harness harness = new Harness(warmup, repeat, progress,
                trials.nd4j() ? Machine.Nd4jInfo.describe() : Machine.Nd4jInfo.NOT_LOADED);
        started.accept(harness);
        return harness.run(trials.list(), spark);
    }

    /**
     * The sweep: for each core count k, a Spark application on local[k] and a pool of k threads
     * (one context at a time: a JVM holds one), running only the strategies that scale with cores.
     * Each run's params gain {@code cores} and {@code oversubscribed}.
     */
    public Report sweep(List<Integer> coreCounts, String appName, TaskFaults faults) throws Exception {
        List<RunResult> runs = new ArrayList<>();
        Report last = null;
        for (int k : coreCounts) {
            boolean oversubscribed = k > Runtime.getRuntime().availableProcessors();
            try (SparkHandle spark = SparkHandle.create(appName, Optional.of("local[" + k + "]"), faults)) {
                last = run(trials(spark, k, true), spark);
            }
            for (RunResult r : last.runs()) {
                Map<String, Object> params = new LinkedHashMap<>(r.params());
                params.put("cores", k);
                params.put("oversubscribed", oversubscribed);
                runs.add(new RunResult(r.workload(), r.strategy(), params, r.warmupSeconds(), r.seconds(), r.answer(),
                        r.sparkMetrics(), r.timedCounts()));
            }
        }
        return new Report(last.machine(), runs, OptionalDouble.empty(), Optional.empty());
    }
}
