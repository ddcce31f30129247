package dev.sparkcputour.cli;

import dev.sparkcputour.workload.Usage;

import dev.sparkcputour.config.Defaults;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --threads}: the size of the thread strategies' pool, shared by every workload. */
public final class ThreadsOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private int threads = Defaults.threads();

    @Option(names = "--threads", paramLabel = "T", description = "Threads of the thread pool (default: one per core).")
    void setThreads(int value) {
        threads = (int) Usage.inRange(spec, "--threads", value, 1, Defaults.MAX_THREADS);
    }

    int threads() {
        return threads;
    }
}
