package dev.sparkcputour.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Usage errors: one line that names the option and what it accepts, exit code 2. */
final class Usage {

    private Usage() {
    }

    /** Returns {@code value} if it is at least {@code min}, else fails naming the option. */
    static long atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw error(spec, option, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** A usage error about {@code option}. */
    static ParameterException error(CommandSpec spec, String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
