package dev.sparkcputour.results;

import java.util.Optional;

/**
 * How a run's warm-ups ended: the fixed number asked for ({@code --warmup W}), or, with
 * {@code --warmup auto}, once its times had settled or when its warm-up budget was spent first.
 */
public enum WarmupOutcome {
    FIXED, SETTLED, UNSETTLED;

    /** {@code fixed} or {@code auto}, as the option was given. */
    public String mode() {
        return this == FIXED ? "fixed" : "auto";
    }

    /** Whether the times settled; empty after a fixed number of warm-ups, which is not judged. */
    public Optional<Boolean> settled() {
        return this == FIXED ? Optional.empty() : Optional.of(this == SETTLED);
    }
}
