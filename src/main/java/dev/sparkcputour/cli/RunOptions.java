package dev.sparkcputour.cli;

import dev.sparkcputour.workload.Usage;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.harness.WarmupPlan;
import dev.sparkcputour.spark.TaskFaults;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every workload command shares: where Spark runs, how often to measure, where results go. */
public final class RunOptions {

    /** The warm-ups and repetitions a command makes when none are asked for; its help shows them. */
    record Measuring(WarmupPlan warmup, int repeat) {
    }

    /** One look at each strategy. */
    static final Measuring ONE_LOOK = new Measuring(WarmupPlan.fixed(Defaults.WARMUP), Defaults.REPEAT);
    /** A comparison measures like a benchmark harness: untimed runs until the times settle, then three timed. */
    static final Measuring LIKE_A_HARNESS = new Measuring(WarmupPlan.untilSettled(), Defaults.COMPARE_REPEAT);

    private static final String AUTO = "auto";
    /** The budget, as the help says it: a constant expression, so that it can sit in an annotation. */
    private static final String BUDGET = "" + (int) Defaults.WARMUP_BUDGET_SECONDS;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master. Default: the one spark-submit passes, else " + Defaults.MASTER + ".")
    private String master;

    // fields, so that the help's ${DEFAULT-VALUE} shows the initial value each command chose
    @Option(names = "--repeat", paramLabel = "K", converter = AtLeastOne.class,
            description = "Timed runs per strategy; median and min are reported (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--warmup", paramLabel = "W", converter = WarmupConverter.class,
            description = "Untimed runs per strategy before the timed ones: a number, or auto to run them until the"
                    + " times settle, at most " + BUDGET + " s a strategy; a row that never does is marked"
                    + " (default: ${DEFAULT-VALUE}).")
    private WarmupPlan warmup;

    private Path json;

    private double failTasks;

    // for tests of Spark's retries; hidden so that the help lists only what measuring needs
    @Option(names = "--fail-seed", paramLabel = "S", hidden = true, defaultValue = "0",
            description = "Seed of the injected task faults.")
    private long failSeed;

    @Option(names = "--hold-ui", description = "Keep the Spark application and its UI up after the work, until Enter or Ctrl-C.")
    private boolean holdUi;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON to FILE (written whole or not at all).")
    void setJson(Path file) {
        json = Usage.writableFile(spec, "--json", file);
    }

    RunOptions() {
        this(ONE_LOOK);
    }

    RunOptions(Measuring defaults) {
        warmup = defaults.warmup();
        repeat = defaults.repeat();
    }

    @Option(names = "--fail-tasks", paramLabel = "P", hidden = true, defaultValue = "0",
            description = "Make each Spark task's first attempt fail with probability P (0 to 1).")
    void setFailTasks(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw Usage.error(spec, "--fail-tasks", "must be in [0, 1], got " + probability);
        }
        failTasks = probability;
    }

    /** The task faults asked for (none by default). */
    public TaskFaults faults() {
        return failTasks == 0 ? TaskFaults.NONE : new TaskFaults(failTasks, failSeed);
    }

    public Optional<String> master() {
        return Optional.ofNullable(master);
    }

    public int repeat() {
        return repeat;
    }

    public WarmupPlan warmup() {
        return warmup;
    }

    public Optional<Path> json() {
        return Optional.ofNullable(json);
    }

    public boolean holdUi() {
        return holdUi;
    }

    /** An int of at least {@link #min()}, else a one-line usage error naming the option. */
    private abstract static class AtLeast implements CommandLine.ITypeConverter<Integer> {
        abstract int min();

        @Override
        public Integer convert(String value) {
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an int");
            }
            if (parsed < min()) {
                throw new CommandLine.TypeConversionException("must be >= " + min() + ", got " + parsed);
            }
            return parsed;
        }
    }

    static final class AtLeastZero extends AtLeast {
        @Override
        int min() {
            return 0;
        }
    }

    /** {@code auto}, or a number of warm-ups of at least 0. */
    static final class WarmupConverter implements CommandLine.ITypeConverter<WarmupPlan> {
        @Override
        public WarmupPlan convert(String value) {
            if (value.equals(AUTO)) {
                return WarmupPlan.untilSettled();
            }
            if (!value.matches("[+-]?\\d+")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is neither " + AUTO + " nor an int");
            }
            return WarmupPlan.fixed(new AtLeastZero().convert(value));
        }
    }

    static final class AtLeastOne extends AtLeast {
        @Override
        int min() {
            return 1;
        }
    }
}
