package dev.sparkcputour.cli;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.harness.Strategies;
import dev.sparkcputour.harness.Trial;
import dev.sparkcputour.image.ImageInputs;
import dev.sparkcputour.image.ImageStrategy;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.kernel.PrimeKernel;
import dev.sparkcputour.primes.PrimeStrategy;
import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.spark.SparkHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: every strategy of both workloads in one JVM and one Spark application, with
 * warm-up and repeats, every answer checked against serial, and the results kept as files.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = CompareCommand.MeasuredDefaults.class,
        description = "Run every strategy of both workloads side by side, verify them, and keep the results.")
public final class CompareCommand implements Callable<Integer> {

    static final String PRIMES = "primes";
    static final String IMAGE = "image";

    @Spec
    private CommandSpec spec;

    @Mixin
    private PrimesOptions primes;

    @Mixin
    private ImageOptions image;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private RunOptions run;

    private Set<String> workloads = new LinkedHashSet<>(List.of(PRIMES, IMAGE));
    private Set<String> strategyNames = Set.of();
    private Path out;
    private List<Integer> sweepCores = List.of();
    private List<PrimeKernel> primeKernels = DEFAULT_PRIME_KERNELS;

    /** Both, so the table sets the algorithm beside parallelism. */
    private static final List<PrimeKernel> DEFAULT_PRIME_KERNELS = List.of(PrimeKernel.TRIAL, PrimeKernel.SIEVE);

    @Option(names = "--workloads", paramLabel = "LIST", split = ",", defaultValue = PRIMES + "," + IMAGE,
            description = "Workloads to run, comma-separated (default: ${DEFAULT-VALUE}).")
    void setWorkloads(List<String> names) {
        for (String name : names) {
            if (!name.equals(PRIMES) && !name.equals(IMAGE)) {
                throw Usage.error(spec, "--workloads", "unknown workload '" + name + "' (expected primes, image)");
            }
        }
        workloads = new LinkedHashSet<>(names);
    }

    @Option(names = "--strategies", paramLabel = "LIST", split = ",",
            description = "Only these strategies, comma-separated (default: all of each workload).")
    void setStrategies(List<String> names) {
        Set<String> known = new LinkedHashSet<>();
        Strategies.primes(Strategies.ALL).forEach(s -> known.add(s.name()));
        Strategies.image(Strategies.ALL).forEach(s -> known.add(s.name()));
        for (String name : names) {
            if (!known.contains(name)) {
                throw Usage.error(spec, "--strategies", "unknown strategy '" + name + "' (expected some of "
                        + String.join(", ", known) + ")");
            }
        }
        strategyNames = new LinkedHashSet<>(names);
    }

    @Option(names = "--kernel", paramLabel = "LIST", split = ",", defaultValue = "trial,sieve,vector",
            description = "Kernels, comma-separated: trial and/or sieve for the primes (one row per strategy and"
                    + " kernel), vector, strided or nd4j for the image (default: ${DEFAULT-VALUE}).")
    void setKernels(List<String> names) {
        List<PrimeKernel> counting = new ArrayList<>();
        List<Convolution> convolving = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (Arrays.stream(PrimeKernel.values()).anyMatch(k -> k.cliName().equals(name))) {
                counting.add(PrimeKernel.byName(name));
            } else if (Arrays.stream(Convolution.values()).anyMatch(k -> k.cliName().equals(name))) {
                convolving.add(Convolution.byName(name));
            } else {
                throw Usage.error(spec, "--kernel", "unknown kernel '" + name + "' (expected trial, sieve, vector, strided or nd4j)");
            }
        }
        if (convolving.size() > 1) {
            throw Usage.error(spec, "--kernel", "one image kernel at a time: vector, strided or nd4j");
        }
        primeKernels = counting.isEmpty() ? DEFAULT_PRIME_KERNELS : List.copyOf(counting);
        image.kernel(convolving.isEmpty() ? Convolution.VECTOR : convolving.get(0));
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
        try (Interruption interruption = Interruption.watch(spec)) {
            Report report;
            try (SparkHandle spark = Sparks.handle("compare", run, spec)) {
                List<Trial> trials = trials(spark, threads.threads(), false);
                if (trials.isEmpty()) {
                    throw Usage.error(spec, "--strategies", "none of " + strategyNames + " belongs to the workloads "
                            + workloads);
                }
                Harness harness = harness(trials);
                interruption.follow(harness);
                report = harness.run(trials, spark);
                Results.printTable(report, spec);
                if (run.holdUi()) {
                    UiHold.hold(spark, spec.commandLine().getErr());
                }
            }
            Optional<Report> sweep = sweepCores.isEmpty() ? Optional.empty() : Optional.of(sweep(interruption));
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

    /**
     * The sweep: for each core count k, a Spark application on local[k] and a pool of k threads
     * (one context at a time: a JVM holds one), running only the strategies that scale with cores.
     */
    private Report sweep(Interruption interruption) throws Exception {
        List<RunResult> runs = new ArrayList<>();
        Report last = null;
        for (int k : sweepCores) {
            boolean oversubscribed = k > Runtime.getRuntime().availableProcessors();
            try (SparkHandle spark = SparkHandle.create("spark-cpu-tour compare sweep", Optional.of("local[" + k + "]"),
                    run.faults())) {
                List<Trial> trials = trials(spark, k, true);
                Harness harness = harness(trials);
                interruption.follow(harness);
                last = harness.run(trials, spark);
            }
            for (RunResult r : last.runs()) {
                Map<String, Object> params = new LinkedHashMap<>(r.params());
                params.put("cores", k);
                params.put("oversubscribed", oversubscribed);
                runs.add(new RunResult(r.workload(), r.strategy(), params, r.warmupSeconds(), r.seconds(), r.answer(),
                        r.sparkMetrics()));
            }
        }
        return new Report(last.machine(), runs, OptionalDouble.empty(), Optional.empty());
    }

    /** A harness naming ND4J's backend in the results when an image strategy loaded it. */
    private Harness harness(List<Trial> trials) {
        boolean nd4j = trials.stream().anyMatch(t -> t.workload().equals(IMAGE));
        return new Harness(run.warmup(), run.repeat(), spec.commandLine().getErr()::println,
                nd4j ? Machine.Nd4jInfo.describe() : Machine.Nd4jInfo.NOT_LOADED);
    }

    /** The trials of the chosen strategies (only those that scale with cores, for a sweep), on {@code threadCount} threads. */
    private List<Trial> trials(SparkHandle spark, int threadCount, boolean onlyScaling) {
        List<Trial> trials = new ArrayList<>();
        if (workloads.contains(PRIMES)) {
            List<PrimeStrategy> chosen = chosen(Strategies.primes(Strategies.ALL), PrimeStrategy::name).stream()
                    .filter(s -> !onlyScaling || s.scalesWithCores()).toList();
            for (PrimeKernel kernel : primeKernels) {
                trials.addAll(Strategies.primeTrials(chosen, primes.params(threadCount, kernel), spark));
            }
        }
        if (workloads.contains(IMAGE)) {
            List<ImageStrategy> chosen = image.runnable(chosen(Strategies.image(Strategies.ALL), ImageStrategy::name), false)
                    .stream().filter(s -> !onlyScaling || s.scalesWithCores()).toList();
            if (!chosen.isEmpty()) {
                ImageOptions.useDoubles();
                ImageInputs inputs = image.load(chosen, spark.master());
                trials.addAll(Strategies.imageTrials(chosen, inputs, image.params(threadCount), spark, r -> { }));
            }
        }
        return trials;
    }

    /** The strategies of one workload that {@code --strategies} keeps (all when it is not given), in registry order. */
    private <S> List<S> chosen(List<S> all, Function<S, String> name) {
        return strategyNames.isEmpty() ? all : all.stream().filter(s -> strategyNames.contains(name.apply(s))).toList();
    }

    /** A comparison measures like a harness: one warm-up and three timed runs unless told otherwise. */
    static final class MeasuredDefaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argSpec) {
            if (argSpec instanceof OptionSpec option) {
                return switch (option.longestName()) {
                    case "--warmup" -> Integer.toString(Defaults.COMPARE_WARMUP);
                    case "--repeat" -> Integer.toString(Defaults.COMPARE_REPEAT);
                    default -> null;
                };
            }
            return null;
        }
    }
}
