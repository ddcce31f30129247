package dev.sparkcputour.config;

/** Every default of the tool, in one place; sizes that change with {@code --scale} sit with their workload. */
public final class Defaults {

    /** The tutorial's filters are 4×4. */
    public static final int FILTER_SIZE = 4;

    /** The tutorial keeps every fifth row and column of each result ({@code [::5, ::5]}). */
    public static final int IMAGE_STRIDE = 5;

    /** Seeds the random image and filters, so every run and every strategy sees the same numbers. */
    public static final long SEED = 42;

    /** Partitions per core when none are asked for: enough for the scheduler to balance, few enough to stay cheap. */
    public static final int PARTITIONS_PER_CORE = 4;

    /**
     * Bands of output rows per core for the band strategies: a few, so a core that finishes early
     * takes another band instead of idling while a slower one ends its half.
     */
    public static final int BANDS_PER_CORE = 4;

    /** More threads than this is a typo, not a benchmark; the JVM would run out of native threads. */
    public static final int MAX_THREADS = 4096;

    /** More partitions than this would cost more in scheduling than any work they hold. */
    public static final int MAX_PARTITIONS = 100_000;

    /** Timed repetitions of the work; the median and the minimum are reported. */
    public static final int REPEAT = 1;

    /** Untimed runs before the timed ones in a workload's own command: none, it takes one look. */
    public static final int WARMUP = 0;

    /** {@code compare} measures like a benchmark harness: untimed runs until the times settle, then three timed. */
    public static final int COMPARE_REPEAT = 3;

    // --warmup auto: when a strategy's times have settled (harness/Settling says how they are used)

    /**
     * Settled: no run of the last few more than 5% faster than the fastest run before them. The
     * fastest, not the median: on a shared 2-core machine settled runs still scatter by 10-30%, and
     * interference only ever adds time.
     */
    public static final double SETTLE_TOLERANCE = 0.05;

    /**
     * The last few: at least 5 runs spanning at least 1 s, so that a compilation, which the JVM
     * counts only once it ends, falls inside; or 100 runs where those take less: the sieve's C2
     * compilation (0.28 s) ended within 35 of its 7 ms runs, and a run takes 0.1-0.4 ms after it.
     */
    public static final int SETTLE_WINDOW_RUNS = 5;
    public static final double SETTLE_WINDOW_SECONDS = 1.0;
    public static final int SETTLE_WINDOW_MAX_RUNS = 100;

    /**
     * And the JIT compiled for less than a third of the window's time. Times alone are fooled by
     * plateaus: Spark's primes ran 0.28-0.53 s for 20 runs under load while C2 was still compiling
     * Spark's code (0.25-1.3 s of compilation a run), then fell to 0.11-0.16 s, where compilation
     * went on at 20-55% of the time; a half let one series settle at 0.24 s with 47%, where 30
     * warm-ups gave 0.18 s.
     */
    public static final double SETTLE_MAX_JIT_SHARE = 1.0 / 3;

    /**
     * Each strategy's warm-ups end unsettled rather than run past 15 s (a warm-up that would end
     * later, judged by the last one, is not started): Spark's primes settled in 8-13 s on 2 busy cores,
     * and spark-copy, 8 s a run, keeps its single warm-up, so compare stays within about 3 minutes.
     */
    public static final double WARMUP_BUDGET_SECONDS = 15;

    /** At most 1,000 warm-ups, however fast: each is a line in the CSV and an event in Spark's log. */
    public static final int WARMUP_MAX_RUNS = 1_000;

    /** The master used when neither {@code --master} nor spark-submit names one. */
    public static final String MASTER = "local[*]";

    private Defaults() {
    }

    /** One thread per logical core, the tutorial's {@code get_cpu_count()}. */
    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
