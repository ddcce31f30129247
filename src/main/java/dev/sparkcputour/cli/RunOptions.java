package dev.sparkcputour.cli;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.spark.TaskFaults;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every workload command shares: where Spark runs, how often to measure, where results go. */
public final class RunOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master. Default: the one spark-submit passes, else " + Defaults.MASTER + ".")
    private String master;

    private int repeat = Defaults.REPEAT;
    private int warmup = Defaults.WARMUP;

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

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "" + Defaults.REPEAT,
            description = "Timed runs per strategy; median and min are reported (default: ${DEFAULT-VALUE}).")
    void setRepeat(int value) {
        repeat = (int) Usage.atLeast(spec, "--repeat", value, 1);
    }

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "" + Defaults.WARMUP,
            description = "Untimed runs per strategy before the timed ones (default: ${DEFAULT-VALUE}).")
    void setWarmup(int value) {
        warmup = (int) Usage.atLeast(spec, "--warmup", value, 0);
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

    public int warmup() {
        return warmup;
    }

    public Optional<Path> json() {
        return Optional.ofNullable(json);
    }

    public boolean holdUi() {
        return holdUi;
    }
}
