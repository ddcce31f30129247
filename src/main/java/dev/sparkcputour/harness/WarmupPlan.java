package dev.sparkcputour.harness;

import dev.sparkcputour.results.WarmupOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The untimed runs before a strategy's timed ones: a fixed number ({@code --warmup W}), or as
 * many as {@link Settling} asks for ({@code --warmup auto}). {@code toString} is the option's
 * value, so that the help's default shows it.
 */
public sealed interface WarmupPlan permits WarmupPlan.Fixed, WarmupPlan.UntilSettled {

    /** After {@code runs}, which took {@code elapsedSeconds} of wall time in all: empty to warm up again, else how the warm-ups ended. */
    Optional<WarmupOutcome> stop(List<Settling.Run> runs, double elapsedSeconds);

    /** For progress lines, e.g. "2 warm-ups" or "warm-ups until settled, at most 15 s". */
    String describe();

    static WarmupPlan fixed(int runs) {
        return new Fixed(runs);
    }

    /** Until settled, by the rule with the defaults' constants. */
    static WarmupPlan untilSettled() {
        return new UntilSettled(Settling.DEFAULT);
    }

    /** Exactly {@code runs} warm-ups. */
    record Fixed(int runs) implements WarmupPlan {
        public Fixed {
            if (runs < 0) {
                throw new IllegalArgumentException("warm-ups must be >= 0, got " + runs);
            }
        }

        @Override
        public Optional<WarmupOutcome> stop(List<Settling.Run> done, double elapsedSeconds) {
            return done.size() < runs ? Optional.empty() : Optional.of(WarmupOutcome.FIXED);
        }

        @Override
        public String describe() {
            return runs + " warm-up" + (runs == 1 ? "" : "s");
        }

        @Override
        public String toString() {
            return Integer.toString(runs);
        }
    }

    /** Warm-ups until {@code rule} says the times have settled or the budget is spent. */
    record UntilSettled(Settling rule) implements WarmupPlan {
        @Override
        public Optional<WarmupOutcome> stop(List<Settling.Run> done, double elapsedSeconds) {
            return switch (rule.judge(done, elapsedSeconds)) {
                case GO_ON -> Optional.empty();
                case SETTLED -> Optional.of(WarmupOutcome.SETTLED);
                case BUDGET_SPENT -> Optional.of(WarmupOutcome.UNSETTLED);
            };
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "warm-ups until settled, at most %.0f s", rule.budgetSeconds());
        }

        @Override
        public String toString() {
            return "auto";
        }
    }
}
