package dev.sparkcputour.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Usage errors: one line that names the option and what it accepts, exit code 2. */
public final class Usage {

    private Usage() {
    }

    /** Returns {@code value} if it is at least {@code min}, else fails naming the option. */
    public static long atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw error(spec, option, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Returns {@code value} if it lies in {@code [min, max]}, else fails naming the option and the range. */
    public static long inRange(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw error(spec, option, String.format(Locale.ROOT, "must be in [%,d, %,d], got %,d", min, max, value));
        }
        return value;
    }

    /**
     * Returns {@code file} if it can be written later: checked before the work, so a long run is
     * not lost to a typo in the output path.
     */
    public static Path writableFile(CommandSpec spec, String option, Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw error(spec, option, "'" + file + "' is a directory");
        }
        if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw error(spec, option, "'" + file + "' already exists; choose a new name (nothing is overwritten)");
        }
        creatableIn(absolute.getParent()).ifPresent(why -> {
            throw error(spec, option, "cannot write '" + file + "' (" + why + ")");
        });
        return file;
    }

    /** Returns {@code folder} if it is an empty writable folder, or can be created as one. */
    public static Path writableFolder(CommandSpec spec, String option, Path folder) {
        Path absolute = folder.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw error(spec, option, "'" + folder + "' is not a folder");
        }
        if (Files.isDirectory(absolute) && !isEmpty(absolute)) {
            throw error(spec, option, "'" + folder + "' is not empty; choose a new or empty folder (nothing is overwritten)");
        }
        creatableIn(absolute).ifPresent(why -> {
            throw error(spec, option, "cannot write into '" + folder + "' (" + why + ")");
        });
        return folder;
    }

    /**
     * Fails, naming {@code option}, if the folder used when {@code option} is not given cannot
     * take a new results folder: checked before the work, as a named one is.
     */
    public static void writableDefault(CommandSpec spec, String option, Path folder) {
        creatableIn(folder).ifPresent(why -> {
            throw error(spec, option, "the default folder '" + folder + "' cannot take results (" + why
                    + "); choose another with " + option + " DIR");
        });
    }

    /**
     * Why nothing can be created at {@code path} (or in its nearest existing ancestor, where its
     * missing folders would be made), or empty if something can. It creates and removes a hidden
     * file there: permission bits do not tell (root may write anywhere, yet not into /proc; a
     * read-only mount looks writable).
     */
    public static Optional<String> creatableIn(Path path) {
        Path ancestor = path.toAbsolutePath();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            return Optional.of(ancestor + " is not a folder");
        }
        try {
            Files.delete(Files.createTempFile(ancestor, ".spark-cpu-tour-probe", ".tmp"));
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(ancestor + " is not a writable folder");
        }
    }

    private static boolean isEmpty(Path folder) {
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false; // unreadable: not a folder to write results into
        }
    }

    /** The value {@code lookup} finds, or a usage error with its message (an unknown name, say). */
    public static <T> T choose(CommandSpec spec, String option, java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (IllegalArgumentException e) {
            throw error(spec, option, e.getMessage());
        }
    }

    /** A usage error about {@code option}. */
    public static ParameterException error(CommandSpec spec, String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }

    /** "a, b or c", for messages that list the accepted values. */
    public static String oneOf(java.util.List<String> values) {
        int last = values.size() - 1;
        return last <= 0 ? String.join("", values) : String.join(", ", values.subList(0, last)) + " or " + values.get(last);
    }
}
