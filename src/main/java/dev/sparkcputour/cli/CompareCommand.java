package dev.sparkcputour.cli;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.harness.Comparison;
import dev.sparkcputour.registry.Workloads;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Usage;
import dev.sparkcputour.workload.Workload;
import dev.sparkcputour.workload.WorkloadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: every strategy of every registered workload in one JVM and one Spark
 * application, with warm-up and repeats, every answer checked against serial, and the results
 * kept as files.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run every strategy of every workload side by side, verify them, and keep the results.")
public final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private RunOptions run = new RunOptions(RunOptions.LIKE_A_HARNESS);

    @Mixin
    private ScaleOption scale;

    /** Every registered workload's options, in the registry's order; all of them parse, the chosen ones run. */
    private final Map<Workload, WorkloadOptions> options = new LinkedHashMap<>();
    private Set<String> workloads = new LinkedHashSet<>(Workloads.all().stream()
            .filter(Workload::comparedByDefault).map(Workload::name).toList());
    private Set<String> strategyNames = Set.of();
    private Path out;
    private List<Integer> sweepCores = List.of();

    CompareCommand() {
        Workloads.all().forEach(w -> options.put(w, w.newOptions()));
        options.values().forEach(o -> o.compareKernels(List.of()));
    }

    /** The command line of {@code compare}, every workload's options mixed in. */
    static CommandLine commandLine() {
        CompareCommand command = new CompareCommand();
        CommandLine line = new CommandLine(command);
        command.options.forEach((workload, options) ->
                Mixins.add(line.getCommandSpec(), workload.name(), options));
        return line;
    }

    @Option(names = "--workloads", paramLabel = "LIST", split = ",",
            description = "Workloads to run, comma-separated (default: the tutorial's; the blog's later benchmarks"
                    + " run when named).")
    void setWorkloads(List<String> names) {
        for (String name : names) {
            if (Workloads.byName(name).isEmpty()) {
                throw Usage.error(spec, "--workloads", "unknown workload '" + name + "' (expected "
                        + String.join(", ", Workloads.names()) + ")");
            }
        }
        workloads = new LinkedHashSet<>(names);
    }

    @Option(names = "--strategies", paramLabel = "LIST", split = ",",
            description = "Only these strategies, comma-separated (default: all of each workload).")
    void setStrategies(List<String> names) {
        Set<String> known = new LinkedHashSet<>();
        Workloads.all().forEach(w -> known.addAll(w.strategies()));
        for (String name : names) {
            if (!known.contains(name)) {
                throw Usage.error(spec, "--strategies", "unknown strategy '" + name + "' (expected some of "
                        + String.join(", ", known) + ")");
            }
        }
        strategyNames = new LinkedHashSet<>(names);
    }

    @Option(names = "--kernel", paramLabel = "LIST", split = ",",
            description = "Kernels, comma-separated; each workload takes those it knows (the primes' trial and sieve"
                    + " give one row per strategy and kernel; the image takes one of vector, strided or nd4j)"
                    + " (default: trial,sieve,vector).")
    void setKernels(List<String> names) {
        Map<Workload, List<String>> byWorkload = new LinkedHashMap<>();
        options.keySet().forEach(w -> byWorkload.put(w, new ArrayList<>()));
        List<String> known = new ArrayList<>();
        options.keySet().forEach(w -> known.addAll(w.kernels()));
        for (String name : new LinkedHashSet<>(names)) {
            List<Workload> takers = options.keySet().stream().filter(w -> w.kernels().contains(name)).toList();
            if (takers.isEmpty()) {
                throw Usage.error(spec, "--kernel", "unknown kernel '" + name + "' (expected " + Usage.oneOf(known.stream().distinct().toList()) + ")");
            }
            takers.forEach(w -> byWorkload.get(w).add(name));
        }
        byWorkload.forEach((workload, chosen) -> Usage.choose(spec, "--kernel", () -> {
            options.get(workload).compareKernels(chosen);
            return chosen;
        }));
    }

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for results.json, results.csv and the charts (default: results/<timestamp>/).")
    void setOut(Path folder) {
        out = Usage.writableFolder(spec, "--out", folder);
    }

    @Option(names = "--sweep-cores", paramLabel = "LIST", split = ",",
            description = "Also re-run the thread and Spark strategies on each of these core counts"
                    + " (local[k] and k threads), e.g. 1,2,4; more than the machine's are marked oversubscribed.")
    void setSweepCores(List<Integer> counts) {
        for (int k : counts) {
            Usage.inRange(spec, "--sweep-cores", k, 1, Defaults.MAX_THREADS);
        }
        sweepCores = counts.stream().distinct().sorted().toList();
    }

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            Usage.writableDefault(spec, "--out", Results.DEFAULT_FOLDER);
        }
        List<WorkloadOptions> chosen = options.entrySet().stream()
                .filter(e -> workloads.contains(e.getKey().name())).map(Map.Entry::getValue).toList();
        chosen.forEach(o -> o.scale(scale.scale()));
        try (Interruption interruption = Interruption.watch(spec)) {
            Comparison comparison = new Comparison(chosen, strategyNames, false, run.warmup(), run.repeat(),
                    spec.commandLine().getErr()::println, interruption::follow);
            Report report;
            try (SparkHandle spark = Sparks.handle("compare", run, spec)) {
                Comparison.Trials trials = comparison.trials(spark, threads.threads(), false);
                if (trials.isEmpty()) {
                    throw Usage.error(spec, "--strategies", "none of " + strategyNames + " belongs to the workloads "
                            + workloads);
                }
                report = comparison.run(trials, spark);
                Results.printTable(report, spec);
                if (run.holdUi()) {
                    UiHold.hold(spark, spec.commandLine().getErr());
                }
            }
            Optional<Report> sweep = sweepCores.isEmpty() ? Optional.empty()
                    : Optional.of(comparison.sweep(sweepCores, "spark-cpu-tour compare sweep", run.faults()));
            if (sweep.isPresent()) {
                Results.printSweep(sweep.get(), spec);
            }
            // every file at the end, in one folder renamed into place: an interruption leaves all of them or none
            Results.writeJson(report, run.json(), spec);
            Path folder = Results.writeFolder(Optional.ofNullable(out), staging -> {
                Results.writeReport(report, staging);
                if (sweep.isPresent()) {
                    Results.writeSweep(sweep.get(), staging);
                }
            });
            interruption.written(folder);
            spec.commandLine().getErr().println("results, CSV and charts" + (sweep.isPresent() ? ", sweep" : "")
                    + " written to " + folder);
            int exit = Results.verdict(report, spec);
            return sweep.isEmpty() ? exit : Math.max(exit, Results.sweepVerdict(sweep.get(), report, spec));
        }
    }
}
