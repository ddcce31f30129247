package dev.sparkcputour.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.harness.Settling.Run;
import dev.sparkcputour.harness.Settling.Verdict;
import dev.sparkcputour.results.WarmupOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The settling rule on made-up timing series, and on one measured series of Spark's primes. */
class SettlingTest {

    /** A small rule to reason about: windows of 3 runs, 5%, the JIT under half, 10 s or 50 runs. */
    private static final Settling RULE = new Settling(0.05, 3, 0, 3, 0.5, 10, 50);

    /**
     * Spark's primes (N = 2·10⁶, local[*], 2 cores, load 4.7-4.9) on 2026-11-28: seconds and the JIT's
     * milliseconds per warm-up. 0.28-0.53 s for 20 runs while C2 compiled 250-1,300 ms a run, then
     * 0.11-0.16 s; 30 warm-ups, the reference, gave 0.138 s.
     */
    private static final double[] SPARK_PRIMES = {1.8535, 0.4683, 0.4546, 0.3407, 0.3398, 0.3692, 0.3921, 0.2766,
        0.3203, 0.3455, 0.2891, 0.5014, 0.5123, 0.3295, 0.3347, 0.4066, 0.5276, 0.4229, 0.2815, 0.369, 0.3229, 0.2135,
        0.1739, 0.168, 0.1423, 0.1524, 0.1511, 0.1455, 0.1568, 0.1465, 0.1382, 0.1469, 0.1374, 0.1489, 0.1305, 0.1108,
        0.1407, 0.1639, 0.1562, 0.1187, 0.1301, 0.1646, 0.1157, 0.1275, 0.1109, 0.1419, 0.1377, 0.1284, 0.1284, 0.1122,
        0.1212, 0.1164, 0.1388};
    private static final int[] SPARK_PRIMES_JIT_MS = {1846, 304, 484, 249, 340, 25, 819, 52, 14, 94, 1277, 554, 553, 264,
        15, 816, 518, 169, 8, 794, 528, 253, 119, 238, 54, 138, 59, 51, 110, 61, 32, 116, 103, 55, 43, 7, 93, 7, 216, 26,
        25, 150, 18, 13, 5, 26, 56, 117, 54, 9, 33, 12, 72};

    @Test
    void settlesOnceTheLastRunsAreNoFasterThanTheFastestBefore() {
        // the JIT's usual curve: a cold run, faster ones, then flat within a few per cent
        List<Run> series = runs(1.0, 0.5, 0.3, 0.21, 0.2, 0.205, 0.2, 0.21);
        assertEquals(Verdict.GO_ON, RULE.judge(series.subList(0, 6), 1.0), "0.21, 0.2, 0.205: a third faster than 0.3");
        assertEquals(Verdict.SETTLED, RULE.judge(series.subList(0, 7), 1.0), "0.2, 0.205, 0.2: 4.8% faster than 0.21");
        assertEquals(7, runsUntil(RULE, series));
    }

    @Test
    void slowerRunsDoNotUnsettle() {
        // a neighbour's build takes the core now and then: interference only adds time
        List<Run> noisy = runs(1.0, 0.4, 0.2, 0.26, 0.2, 0.31, 0.22);
        assertEquals(6, runsUntil(RULE, noisy), "0.26, 0.2, 0.31: none faster than the 0.2 before them");
    }

    @Test
    void neverSettlesWhileTheTimesKeepFalling() {
        List<Run> falling = IntStream.range(0, 40).mapToObj(i -> new Run(Math.pow(0.94, i), 0)).toList();
        assertEquals(Optional.empty(), firstSettled(RULE, falling), "6% faster every run");
        assertEquals(Verdict.GO_ON, RULE.judge(falling, 5.0), "within its budget it goes on");
    }

    @Test
    void neverSettlesWhileTheJitIsStillCompiling() {
        // flat times (a plateau), but the compiler busy for 75% of them: C2 has not installed its code yet
        List<Run> plateau = Collections.nCopies(20, new Run(0.2, 0.15));
        assertEquals(Optional.empty(), firstSettled(RULE, plateau));
        List<Run> quiet = new ArrayList<>(plateau);
        quiet.addAll(Collections.nCopies(3, new Run(0.2, 0.02)));
        assertEquals(Optional.of(22), firstSettled(RULE, quiet), "0.15 + 0.02 + 0.02 of 0.6 s: the JIT is quiet enough");
    }

    @Test
    void theBudgetStopsARunThatWouldEndPastIt() {
        // spark-copy: 8 s a run against 10 s; a second run would end at 16.5 s
        assertEquals(Verdict.BUDGET_SPENT, RULE.judge(runs(8.5), 8.5));
        assertEquals(Verdict.GO_ON, RULE.judge(runs(4.0), 4.0), "a second 4 s run ends at 8 s, within 10");
        assertEquals(Verdict.BUDGET_SPENT, RULE.judge(runs(4.0, 4.0), 8.0), "a third would end at 12 s");
        // the wall time counts, not just the runs' own: the harness's checks between them are spent too
        assertEquals(Verdict.BUDGET_SPENT, RULE.judge(runs(1.0), 9.5));
    }

    @Test
    void theBudgetAlsoCountsRuns() {
        List<Run> fastAndNeverQuiet = Collections.nCopies(50, new Run(0.001, 0.001));
        assertEquals(Verdict.GO_ON, RULE.judge(fastAndNeverQuiet.subList(0, 49), 0.05));
        assertEquals(Verdict.BUDGET_SPENT, RULE.judge(fastAndNeverQuiet, 0.05));
    }

    @Test
    void settledWinsOverASpentBudget() {
        assertEquals(Verdict.SETTLED, RULE.judge(runs(3.0, 2.0, 2.0, 2.0, 2.0), 11.0));
    }

    @Test
    void atLeastOneWarmUpAndOneRunBeforeTheWindow() {
        assertEquals(Verdict.GO_ON, RULE.judge(List.of(), 100), "no budget stops the first warm-up");
        assertEquals(Optional.empty(), RULE.window(runs(0.2, 0.2, 0.2)), "three runs are a window with nothing before it");
        assertEquals(Verdict.SETTLED, RULE.judge(runs(0.2, 0.2, 0.2, 0.2), 0.8));
    }

    @Test
    void theWindowSpansTimeAndCountsRunsWithinLimits() {
        Settling rule = new Settling(0.05, 5, 1.0, 100, 0.5, 15, 1000);
        assertEquals(5, rule.window(Collections.nCopies(9, new Run(0.5, 0))).orElseThrow().runs(), "5 runs, 2.5 s");
        assertEquals(7, rule.window(Collections.nCopies(9, new Run(0.15, 0))).orElseThrow().runs(), "1.05 s");
        assertEquals(100, rule.window(Collections.nCopies(300, new Run(0.0003, 0))).orElseThrow().runs(),
                "the sieve's 0.3 ms: 100 runs, not 3,334");
        assertEquals(Optional.empty(), rule.window(Collections.nCopies(7, new Run(0.15, 0))), "nothing before 7 runs");
        Settling.Window window = rule.window(runs(0.5, 0.2, 0.25, 0.3, 0.2, 0.2, 0.25)).orElseThrow();
        assertEquals(List.of(5, 1.2, 0.2, 0.2, 0.0), List.of(window.runs(), Math.round(window.seconds() * 1e9) / 1e9,
                window.fastest(), window.fastestBefore(), window.jitShare()));
        assertEquals("the last 5 runs: fastest 0.200 s (0.200 s before), the JIT compiling 0% of their time",
                rule.summary(window));
        assertEquals("the last 100 runs: fastest 0.30 ms (0.30 ms before), 30.00 ms in all, too short to judge the JIT by",
                rule.summary(rule.window(Collections.nCopies(300, new Run(0.0003, 0.001))).orElseThrow()));
    }

    @Test
    void theJitIsJudgedOnlyOverWindowsThatSpanTheirSeconds() {
        // the sieve's 0.3 ms runs: the JVM compiles other code a millisecond here and there, 300% of them
        List<Run> sieve = Collections.nCopies(101, new Run(0.0003, 0.001));
        assertEquals(Verdict.SETTLED, Settling.DEFAULT.judge(sieve, 0.1));
        // Spark's primes at 0.2 s a run with the compiler busy 40% of the time: not yet
        List<Run> spark = Collections.nCopies(20, new Run(0.2, 0.08));
        assertEquals(Verdict.GO_ON, Settling.DEFAULT.judge(spark, 4.0));
        assertEquals(0.4, Settling.DEFAULT.window(spark).orElseThrow().jitShare(), 1e-9);
    }

    /** The done-when of the issue: settle where 30 warm-ups would have got to, not on the plateau. */
    @Test
    void sparksPrimesSettleAfterTheirPlateauNotOnIt() {
        List<Run> measured = IntStream.range(0, SPARK_PRIMES.length)
                .mapToObj(i -> new Run(SPARK_PRIMES[i], SPARK_PRIMES_JIT_MS[i] / 1e3)).toList();
        int settled = runsUntil(Settling.DEFAULT, measured);
        assertEquals(47, settled, "compiling 49% of the time at 44, 30% at 47");
        double afterThirty = medianOfThreeFrom(30);
        assertEquals(0.1382, afterThirty);
        assertTrue(Math.abs(medianOfThreeFrom(settled) / afterThirty - 1) < 0.15,
                "the three runs after settling are timed like those after 30 warm-ups: " + medianOfThreeFrom(settled));

        // the same times without the compiler's part settle on the plateau: why the rule asks the JIT
        List<Run> timesAlone = measured.stream().map(r -> new Run(r.seconds(), 0)).toList();
        assertEquals(13, runsUntil(Settling.DEFAULT, timesAlone));
        assertTrue(medianOfThreeFrom(13) > 2 * afterThirty, "2.4 times too slow: " + medianOfThreeFrom(13));
    }

    @Test
    void fixedPlansCountAndAutoPlansJudge() {
        assertEquals(Optional.of(WarmupOutcome.FIXED), WarmupPlan.fixed(0).stop(List.of(), 0));
        assertEquals(Optional.empty(), WarmupPlan.fixed(2).stop(runs(9.0), 100), "a fixed count ignores any budget");
        assertEquals(Optional.of(WarmupOutcome.FIXED), WarmupPlan.fixed(2).stop(runs(9.0, 9.0), 100));
        WarmupPlan auto = new WarmupPlan.UntilSettled(RULE);
        assertEquals(Optional.empty(), auto.stop(List.of(), 0));
        assertEquals(Optional.of(WarmupOutcome.SETTLED), auto.stop(runs(0.2, 0.2, 0.2, 0.2), 0.8));
        assertEquals(Optional.of(WarmupOutcome.UNSETTLED), auto.stop(runs(8.5), 8.5));
        assertEquals("auto", WarmupPlan.untilSettled().toString(), "the help's default");
        assertEquals("3", WarmupPlan.fixed(3).toString());
        assertThrows(IllegalArgumentException.class, () -> WarmupPlan.fixed(-1));
    }

    @Test
    void aRuleNeedsSenseInItsNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new Settling(1.0, 3, 0, 3, 0.5, 10, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settling(0.05, 0, 0, 3, 0.5, 10, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settling(0.05, 5, 0, 3, 0.5, 10, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settling(0.05, 3, 0, 3, 0.5, 0, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settling(0.05, 3, Double.NaN, 3, 0.5, 10, 50));
    }

    /** The median of the three measured runs after the first {@code warmups}: what the timed runs would show. */
    private static double medianOfThreeFrom(int warmups) {
        double[] three = Arrays.copyOfRange(SPARK_PRIMES, warmups, warmups + 3);
        Arrays.sort(three);
        return three[1];
    }

    private static List<Run> runs(double... seconds) {
        return Arrays.stream(seconds).mapToObj(s -> new Run(s, 0)).toList();
    }

    /** How many runs of {@code series} the rule takes before it says settled; fails if it never does. */
    private static int runsUntil(Settling rule, List<Run> series) {
        return firstSettled(rule, series).orElseThrow(() -> new AssertionError("never settled: " + series));
    }

    /** The number of runs after which {@code rule} first says settled, judged with no budget in sight. */
    private static Optional<Integer> firstSettled(Settling rule, List<Run> series) {
        for (int n = 1; n <= series.size(); n++) {
            if (rule.judge(series.subList(0, n), 0) == Verdict.SETTLED) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
