package dev.sparkcputour.cli;

/** The tool's exit codes. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A run-time failure: a failed Spark job, a wrong answer, an unwritable file. */
    public static final int FAILURE = 1;
    /** Bad input: an unknown option, a value out of range, an unparseable master. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
