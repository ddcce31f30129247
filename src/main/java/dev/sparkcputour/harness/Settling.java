package dev.sparkcputour.harness;

import dev.sparkcputour.config.Defaults;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule of {@code --warmup auto}, judged from a strategy's warm-ups so far alone: it has
 * settled when the last few runs (the window) were none of them more than {@code tolerance}
 * faster than the fastest run before them, and the JIT compiled for less than
 * {@code maxJitShare} of their time; it gives up, unsettled, when another run would end past
 * {@code budgetSeconds} or after {@code maxRuns}. Pure, so it is tested on made-up series and
 * measured ones.
 *
 * @param windowRuns    the window holds at least this many runs...
 * @param windowSeconds ...and spans at least this many seconds...
 * @param windowMaxRuns ...unless this many runs take less
 */
public record Settling(double tolerance, int windowRuns, double windowSeconds, int windowMaxRuns,
                       double maxJitShare, double budgetSeconds, int maxRuns) {

    /** The rule with the constants of {@link Defaults}, whose comments give the figures behind them. */
    public static final Settling DEFAULT = new Settling(Defaults.SETTLE_TOLERANCE, Defaults.SETTLE_WINDOW_RUNS,
            Defaults.SETTLE_WINDOW_SECONDS, Defaults.SETTLE_WINDOW_MAX_RUNS, Defaults.SETTLE_MAX_JIT_SHARE,
            Defaults.WARMUP_BUDGET_SECONDS, Defaults.WARMUP_MAX_RUNS);

    public Settling {
        if (!(tolerance >= 0 && tolerance < 1) || windowRuns < 1 || windowMaxRuns < windowRuns || !(windowSeconds >= 0)
                || !(maxJitShare >= 0) || !(budgetSeconds > 0) || maxRuns < 1) {
            throw new IllegalArgumentException("not a settling rule: " + List.of(tolerance, windowRuns, windowSeconds,
                    windowMaxRuns, maxJitShare, budgetSeconds, maxRuns));
        }
    }

    /** What to do after the warm-ups so far. */
    public enum Verdict { GO_ON, SETTLED, BUDGET_SPENT }

    /** One warm-up: its seconds, and the seconds the JIT spent compiling meanwhile (summed over its threads). */
    public record Run(double seconds, double jitSeconds) {
    }

    /**
     * The last runs, judged together: how many, the seconds they took, the fastest of them and of
     * the runs before them, and the share of their time the JIT spent compiling.
     */
    public record Window(int runs, double seconds, double fastest, double fastestBefore, double jitShare) {
    }

    /** After {@code runs}, which took {@code elapsedSeconds} of wall time in all: another warm-up, or stop, and why. */
    public Verdict judge(List<Run> runs, double elapsedSeconds) {
        if (window(runs).filter(this::settled).isPresent()) {
            return Verdict.SETTLED;
        }
        // the next run is taken to last as long as the last one
        boolean spent = !runs.isEmpty() && (runs.size() >= maxRuns
                || elapsedSeconds + runs.get(runs.size() - 1).seconds() > budgetSeconds);
        return spent ? Verdict.BUDGET_SPENT : Verdict.GO_ON;
    }

    /**
     * The window: the fewest last runs that number {@code windowRuns} and span {@code windowSeconds}
     * (or number {@code windowMaxRuns}), with at least one run before them; empty until there are that many.
     */
    public Optional<Window> window(List<Run> runs) {
        int n = runs.size();
        int k = 0;
        double span = 0;
        double jit = 0;
        while (k < n && (k < windowRuns || (span < windowSeconds && k < windowMaxRuns))) {
            Run run = runs.get(n - 1 - k);
            span += run.seconds();
            jit += run.jitSeconds();
            k++;
        }
        boolean full = k >= windowRuns && (span >= windowSeconds || k >= windowMaxRuns);
        if (!full || k == n) {
            return Optional.empty();
        }
        return Optional.of(new Window(k, span, fastest(runs.subList(n - k, n)), fastest(runs.subList(0, n - k)),
                span > 0 ? jit / span : 0));
    }

    /**
     * The JIT is judged only over a window that spans {@code windowSeconds}: the JVM's compilations
     * for other code (the harness's, Spark's threads') fill a few milliseconds of the fastest rows'
     * window as much as their own, and those {@code windowMaxRuns} runs outlast their own compilation anyway.
     */
    private boolean settled(Window window) {
        return window.fastest() >= (1 - tolerance) * window.fastestBefore()
                && (window.seconds() < windowSeconds || window.jitShare() < maxJitShare);
    }

    /**
     * {@code window} for progress lines, e.g. "the last 7 runs: fastest 0.131 s (0.138 s before),
     * the JIT compiling 30% of their time".
     */
    public String summary(Window window) {
        return String.format(Locale.ROOT, "the last %d runs: fastest %s (%s before), %s", window.runs(),
                time(window.fastest()), time(window.fastestBefore()), window.seconds() < windowSeconds
                        ? String.format(Locale.ROOT, "%s in all, too short to judge the JIT by", time(window.seconds()))
                        : String.format(Locale.ROOT, "the JIT compiling %.0f%% of their time", 100 * window.jitShare()));
    }

    /** Seconds, in milliseconds below a tenth of one: the sieve's runs take 0.1-0.4 ms. */
    private static String time(double seconds) {
        return seconds < 0.1 ? String.format(Locale.ROOT, "%.2f ms", seconds * 1e3)
                : String.format(Locale.ROOT, "%.3f s", seconds);
    }

    private static double fastest(List<Run> runs) {
        return runs.stream().mapToDouble(Run::seconds).min().orElseThrow();
    }
}
