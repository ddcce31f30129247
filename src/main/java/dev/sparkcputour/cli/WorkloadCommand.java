package dev.sparkcputour.cli;

import dev.sparkcputour.harness.Comparison;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Usage;
import dev.sparkcputour.workload.Workload;
import dev.sparkcputour.workload.WorkloadOptions;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A workload's own command ({@code primes}, {@code image}, ...): one of its strategies, or all, on its options. */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
public final class WorkloadCommand implements Callable<Integer> {

    private static final String ALL = "all";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private RunOptions run;

    @Mixin
    private ScaleOption scale;

    private final Workload workload;
    private final WorkloadOptions options;
    private String strategy = ALL;

    private WorkloadCommand(Workload workload) {
        this.workload = workload;
        this.options = workload.newOptions();
    }

    /** The command line of {@code workload}'s command, its options and help taken from the workload. */
    static CommandLine commandLine(Workload workload) {
        WorkloadCommand command = new WorkloadCommand(workload);
        CommandLine line = new CommandLine(command);
        CommandSpec spec = line.getCommandSpec();
        spec.usageMessage().description(workload.description());
        Mixins.add(spec, workload.name(), command.options);
        for (Object own : command.options.ownCommandOptions()) {
            Mixins.add(spec, workload.name() + "-" + own.getClass().getSimpleName(), own);
        }
        spec.resourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {
                    {"strategy", String.join(", ", workload.strategies()) + " or " + ALL + " (default: " + ALL + ")."},
                    {"kernel", workload.kernels().isEmpty() ? "Not used: this workload has one kernel."
                            : "One of " + Usage.oneOf(workload.kernels()) + " (default: the first)."}};
            }
        });
        return line;
    }

    @Option(names = "--strategy", paramLabel = "NAME", descriptionKey = "strategy")
    void setStrategy(String name) {
        if (!name.equals(ALL) && !workload.strategies().contains(name)) {
            throw Usage.error(spec, "--strategy", "unknown strategy '" + name + "' (expected one of "
                    + String.join(", ", workload.strategies()) + ", " + ALL + ")");
        }
        strategy = name;
    }

    @Option(names = "--kernel", paramLabel = "NAME", descriptionKey = "kernel")
    void setKernel(String name) {
        Usage.choose(spec, "--kernel", () -> {
            options.kernel(name);
            return name;
        });
    }

    @Override
    public Integer call() throws Exception {
        options.scale(scale.scale());
        Set<String> chosen = strategy.equals(ALL) ? Set.of() : Set.of(strategy);
        Comparison comparison = new Comparison(List.of(options), chosen, !chosen.isEmpty(), run.warmup(), run.repeat(),
                spec.commandLine().getErr()::println, harness -> { });
        try (SparkHandle spark = Sparks.handle(workload.name(), run, spec)) {
            Report report = comparison.run(comparison.trials(spark, threads.threads(), false), spark);
            int exit = Results.publish(report, run.json(), spec);
            options.finish(spec.commandLine().getErr());
            if (run.holdUi()) {
                UiHold.hold(spark, spec.commandLine().getErr());
            }
            return exit;
        }
    }
}
