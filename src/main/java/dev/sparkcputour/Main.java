package dev.sparkcputour;

import dev.sparkcputour.cli.Commands;
import dev.sparkcputour.cli.ExitCodes;
import dev.sparkcputour.cli.Interruption;
import dev.sparkcputour.results.BuildInfo;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * spark-cpu-tour: CPU-bound work on one core, many threads and Spark, side by side.
 * Usage: {@code spark-submit --class dev.sparkcputour.Main spark-cpu-tour.jar primes [--n N] [--strategy S]}
 */
@Command(name = "spark-cpu-tour", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Where does the time go in CPU-bound work on one machine and on a Spark cluster?")
public final class Main implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        // A YARN cluster-mode driver runs inside Spark's ApplicationMaster, which reports success
        // only when this method returns (and then exits itself): System.exit(0) there reads as a
        // failure that YARN retries.
        if (exit == 0 && System.getProperty("spark.yarn.app.id") != null) {
            return;
        }
        System.exit(exit);
    }

    /** The configured command line (handlers set after the subcommands, so they reach them), for {@link #main} and for tests ({@code execute} with captured streams). */
    public static CommandLine commandLine() {
        return Commands.addTo(new CommandLine(new Main()))
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd.getErr()))
                .setExitCodeExceptionMapper(e -> ExitCodes.FAILURE);
    }

    /** No subcommand: say which ones exist. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Bad input: one line naming the problem, exit 2, no usage dump and no stack trace. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("spark-cpu-tour: " + firstLine(e.getMessage())
                + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** A run-time failure: the cause on one line first; the stack trace goes to the log at DEBUG. */
    private static int failure(Exception e, PrintWriter err) {
        if (Interruption.happened()) {
            LOG.debug("failure after an interruption", e); // the job Ctrl-C cancelled: the interruption said so
            return ExitCodes.FAILURE;
        }
        err.println("spark-cpu-tour: failed: " + describe(e));
        err.flush();
        LOG.debug("failure detail", e);
        return ExitCodes.FAILURE;
    }

    /** The first line of the outermost message (Spark's names the failed stage), or the exception's type. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return firstLine(t.getMessage());
            }
        }
        return e.getClass().getName();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** The project's version and the commit it was built from, with the Spark version it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {"spark-cpu-tour " + build.version() + " (commit " + build.commit() + "), Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }
}
