package dev.sparkcputour.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic seconds axis from {@code left} to {@code right} pixels, spanning whole decades:
 * from at least half a decade below the shortest time (so the shortest bar still has length)
 * to the decade at or above the longest.
 */
final class LogAxis {

    private final double lowDecade;
    private final double highDecade;
    private final int left;
    private final int right;

    LogAxis(double shortest, double longest, int left, int right) {
        // a bar starts at the axis's left end: the shortest must not sit on it
        this.lowDecade = Math.floor(Math.log10(Math.max(shortest, 1e-9) / 2));
        this.highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(Math.max(longest, 1e-9))));
        this.left = left;
        this.right = right;
    }

    /** The pixel column of {@code seconds}, clamped to the axis. */
    int x(double seconds) {
        double at = (Math.log10(Math.max(seconds, 1e-12)) - lowDecade) / (highDecade - lowDecade);
        return left + (int) Math.round(Math.min(1, Math.max(0, at)) * (right - left));
    }

    int left() {
        return left;
    }

    /** The ticks to label: every decade, and 2 and 5 within each when there are no more than two decades. */
    List<Double> labelledTicks() {
        boolean few = highDecade - lowDecade <= 2;
        List<Double> ticks = new ArrayList<>();
        for (double d = lowDecade; d <= highDecade; d++) {
            for (int step : few ? new int[] {1, 2, 5} : new int[] {1}) {
                if (d < highDecade || step == 1) {
                    ticks.add(step * Math.pow(10, d));
                }
            }
        }
        return ticks;
    }

    /** Seconds as a short label in s, ms or µs, to {@code digits} significant digits (trailing zeros dropped if {@code trim}). */
    static String label(double seconds, int digits, boolean trim) {
        if (seconds <= 0) {
            return "0 s";
        }
        MathContext precision = new MathContext(digits);
        double rounded = new BigDecimal(seconds).round(precision).doubleValue(); // 0.9996 s is "1.00 s", not "1000 ms"
        double unit = rounded >= 1 ? 1 : rounded >= 1e-3 ? 1e-3 : 1e-6;
        BigDecimal value = new BigDecimal(rounded / unit).round(precision);
        // as many decimals as the significant digits need: 8 s is "8.00 s" beside "5.52 s"
        value = value.setScale(Math.max(0, digits - 1 - (int) Math.floor(Math.log10(value.doubleValue()))),
                java.math.RoundingMode.HALF_EVEN);
        if (trim) {
            value = value.stripTrailingZeros();
        }
        return value.toPlainString() + (unit == 1 ? " s" : unit == 1e-3 ? " ms" : " µs");
    }
}
