package dev.sparkcputour.support;

import dev.sparkcputour.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line as a user would, in this JVM, with stdout and stderr captured (picocli's execute). */
public final class Cli {

    /** The exit code and what the command printed. */
    public record Outcome(int exit, String out, String err) {
    }

    private Cli() {
    }

    /**
     * Runs {@code args}. An OutOfMemoryError escaping picocli becomes exit -1 with the error on
     * stderr, so it fails one case instead of aborting the whole run (JUnit rethrows it).
     */
    public static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try {
            exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        } catch (OutOfMemoryError e) {
            err.write("uncaught " + e + "\n");
            exit = -1;
        }
        return new Outcome(exit, out.toString(), err.toString());
    }
}
