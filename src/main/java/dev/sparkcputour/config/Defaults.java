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

    /** Untimed runs before the timed ones, to let the JIT compile the kernel. */
    public static final int WARMUP = 0;

    /** {@code compare} measures like a benchmark harness: one untimed run, then three timed. */
    public static final int COMPARE_WARMUP = 1;
    public static final int COMPARE_REPEAT = 3;

    /** The master used when neither {@code --master} nor spark-submit names one. */
    public static final String MASTER = "local[*]";

    private Defaults() {
    }

    /** One thread per logical core, the tutorial's {@code get_cpu_count()}. */
    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
