package dev.sparkcputour.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.WarmupOutcome;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.TaskFaults;
import dev.sparkcputour.workload.Trial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The harness's warm-ups with made-up trials (no Spark is started): a fixed count, auto
 * warm-ups that settle, and auto warm-ups stopped by their budget, with what progress says.
 * The JIT is left out of these rules ({@code maxJitShare} infinite): the test JVM compiles as it likes.
 */
class HarnessWarmupTest {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aFixedCountRunsExactlyThatManyAndIsNotJudged() throws Exception {
        RunResult run = measure(WarmupPlan.fixed(2), 3, instant());
        assertEquals(2, run.warmupSeconds().size());
        assertEquals(3, run.seconds().size());
        assertEquals(WarmupOutcome.FIXED, run.warmup());
        assertTrue(lines.contains("running w · s (2 warm-ups, 3 timed)"), lines.toString());
        assertEquals(2, lines.stream().filter(l -> l.matches("  w · s: warm-up \\d/2 took .*")).count(), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("settle")), lines.toString());
    }

    @Test
    void autoWarmUpsStopOnceTheTimesSettle() throws Exception {
        // a cold 500 ms, then 10 ms: 3-run windows with a 90% margin for a sleep's overshoot settle at the 5th,
        // the first window after the cold run with a 10 ms run before it
        Settling rule = new Settling(0.9, 3, 0, 3, Double.POSITIVE_INFINITY, 30, 100);
        AtomicInteger calls = new AtomicInteger();
        RunResult run = measure(new WarmupPlan.UntilSettled(rule), 2, () -> {
            Thread.sleep(calls.getAndIncrement() == 0 ? 500 : 10);
            return "7";
        });
        assertEquals(WarmupOutcome.SETTLED, run.warmup());
        assertEquals(5, run.warmupSeconds().size(), run.warmupSeconds().toString());
        assertEquals(2, run.seconds().size());
        assertEquals(7, calls.get(), "warm-ups and timed runs, no more");
        assertTrue(lines.contains("running w · s (warm-ups until settled, at most 30 s, 2 timed)"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("  w · s settled after 5 warm-ups in [0-9.]+ s: the last 3"
                + " runs: fastest [0-9.]+ ms \\([0-9.]+ ms before\\), the JIT compiling [0-9]+% of their time")),
                lines.toString());
    }

    @Test
    void autoWarmUpsThatNeverSettleStopAtTheBudgetAndAreTimedAnyway() throws Exception {
        // windows of 1,000 runs never fill: the budget of 0.2 s ends it after about four 50 ms runs
        Settling rule = new Settling(0.05, 1000, 0, 1000, Double.POSITIVE_INFINITY, 0.2, 1000);
        RunResult run = measure(new WarmupPlan.UntilSettled(rule), 1, () -> {
            Thread.sleep(50);
            return "7";
        });
        assertEquals(WarmupOutcome.UNSETTLED, run.warmup());
        int n = run.warmupSeconds().size();
        assertTrue(n >= 1 && n <= 4, "runs that would end past 0.2 s are not started: " + run.warmupSeconds());
        assertEquals(1, run.seconds().size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  w · s did not settle after " + n + " warm-up")
                && l.endsWith("too few runs to judge; its warm-up budget is spent, so it is timed as it is")), lines.toString());
    }

    @Test
    void aBudgetTooSmallForOneRunStillGetsOneWarmUp() throws Exception {
        Settling rule = new Settling(0.05, 3, 0, 3, Double.POSITIVE_INFINITY, 1e-9, 1000);
        RunResult run = measure(new WarmupPlan.UntilSettled(rule), 1, instant());
        assertEquals(WarmupOutcome.UNSETTLED, run.warmup());
        assertEquals(1, run.warmupSeconds().size());
    }

    @Test
    void manyFastAutoWarmUpsStopAtTheRunLimitAndSayLittle() throws Exception {
        Settling rule = new Settling(0.05, 1000, 0, 1000, Double.POSITIVE_INFINITY, 60, 300);
        RunResult run = measure(new WarmupPlan.UntilSettled(rule), 1, instant());
        assertEquals(WarmupOutcome.UNSETTLED, run.warmup());
        assertEquals(300, run.warmupSeconds().size());
        long said = lines.stream().filter(l -> l.contains(": warm-up ")).count();
        assertTrue(said >= 1 && said < 10, "the first warm-up, then one line a second: " + said);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  w · s: warm-up 1 took ")), lines.toString());
    }

    private static java.util.concurrent.Callable<String> instant() {
        return () -> "7";
    }

    private RunResult measure(WarmupPlan plan, int repeat, java.util.concurrent.Callable<String> work) throws Exception {
        Trial trial = new Trial("w", "s", false, Map::of, work);
        // no trial uses Spark, so the context is never started
        try (SparkHandle spark = SparkHandle.create("t", Optional.of("local[1]"), TaskFaults.NONE)) {
            List<RunResult> runs = new Harness(plan, repeat, lines::add, Machine.Nd4jInfo.NOT_LOADED)
                    .run(List.of(trial), spark).runs();
            assertFalse(spark.isStarted());
            assertEquals(1, runs.size());
            return runs.get(0);
        }
    }
}
