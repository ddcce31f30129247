package dev.sparkcputour.cli;

import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.report.TableFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ctrl-C during a long command: the JVM's shutdown hooks stop the Spark application (Spark's
 * own hook) and this one prints the runs that finished and whether result files were written.
 * {@link dev.sparkcputour.report.AtomicFiles} makes sure they are complete or absent.
 */
public final class Interruption implements AutoCloseable {

    private static volatile boolean happened;

    private final CommandSpec spec;
    private final Thread hook = new Thread(this::report, "interruption-report");
    private volatile Harness following;
    private volatile Path written;

    private Interruption(CommandSpec spec) {
        this.spec = spec;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Watches for Ctrl-C until {@link #close()}. */
    static Interruption watch(CommandSpec spec) {
        return new Interruption(spec);
    }

    /** Whether the JVM is shutting down on a signal: failures after that are its echoes, not news. */
    public static boolean happened() {
        return happened;
    }

    /** The harness whose finished runs to print if interrupted now. */
    void follow(Harness harness) {
        following = harness;
    }

    /** Results are on disk in {@code folder}. */
    void written(Path folder) {
        written = folder;
    }

    private void report() {
        happened = true;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Harness harness = following;
        if (harness != null) {
            harness.finishedSoFar().ifPresent(report -> {
                out.println("Finished before the interruption:");
                try {
                    new TableFormat().writeOut(report, out);
                } catch (IOException e) {
                    err.println("cannot print the finished runs: " + e.getMessage());
                }
            });
        }
        out.flush();
        err.println("spark-cpu-tour: interrupted; " + (written == null
                ? "no result files written" : "results were already written to " + written));
        err.flush();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to undo
        }
    }
}
