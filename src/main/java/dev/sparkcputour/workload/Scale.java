package dev.sparkcputour.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named sizes, each workload choosing its own for each: {@code tiny} for tests (well under a
 * second), {@code tutorial} the tutorial's sizes (the default), {@code large} for a run where
 * cores and clusters matter. Options given explicitly override them.
 */
public enum Scale {
    TINY, TUTORIAL, LARGE;

    /** The name {@code --scale} takes. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scale called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Scale byName(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scale '" + name + "' (expected "
                        + Arrays.stream(values()).map(Scale::cliName).collect(Collectors.joining(", ")) + ")"));
    }
}
