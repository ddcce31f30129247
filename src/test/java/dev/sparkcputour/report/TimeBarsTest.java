package dev.sparkcputour.report;

import static dev.sparkcputour.report.SampleRuns.report;
import static dev.sparkcputour.report.SampleRuns.serial;
import static dev.sparkcputour.report.SampleRuns.spark;
import static dev.sparkcputour.report.SampleRuns.threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.report.TimeParts.Part;
import dev.sparkcputour.results.Report;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The comparison chart, decoded from its PNG and read by colour. A bar is found as a run of at
 * least {@link #BAR_RUN} pixels of one colour on a scan line: longer than any legend swatch.
 */
class TimeBarsTest {

    private static final int BAR_RUN = 15;
    private static final Color SERIAL = TimeBars.COMPUTE.get(Family.SERIAL);
    private static final Color THREADS = TimeBars.COMPUTE.get(Family.THREADS);
    private static final Color SPARK = TimeBars.COMPUTE.get(Family.SPARK);
    private static final Color DESERIALISATION = TimeBars.SPARK_PARTS.get(Part.DESERIALISATION);
    private static final Color RESULT_SERIALISATION = TimeBars.SPARK_PARTS.get(Part.RESULT_SERIALISATION);
    private static final Color REST = TimeBars.SPARK_PARTS.get(Part.REST);

    /** Serial, threads and a Spark run whose four parts each take a fair share of its bar (local[2]). */
    private static Report mixed() {
        // 2 slots: run 0.4, deserialisation 0.3, result serialisation 0.2 task-seconds fill 0.2, 0.15, 0.1 s; the rest 0.15 s
        return report("local[2]", serial("serial", 1.0), threads("threads", 0.5),
                spark("spark", 0.6, 8, 1, 0.3, 0.4, 0.2));
    }

    @Test
    void decodesAsAPngEightHundredPixelsWideWithARowPerStrategy() throws IOException {
        BufferedImage two = png(report("local[2]", serial("serial", 1.0), threads("threads", 0.5)));
        BufferedImage three = png(mixed());
        assertEquals(TimeBars.WIDTH, two.getWidth());
        assertEquals(TimeBars.WIDTH, three.getWidth());
        assertTrue(three.getHeight() > two.getHeight(), "a row per strategy");
        assertTrue(three.getHeight() < 600, "three rows: " + three.getHeight());
    }

    @Test
    void aSparkBarShowsItsFourPartsInOrder() throws IOException {
        BufferedImage chart = png(mixed());
        int y = lines(chart, REST).get(0);
        List<Integer> starts = new ArrayList<>();
        for (Color part : List.of(SPARK, DESERIALISATION, RESULT_SERIALISATION, REST)) {
            int x = firstRun(chart, y, part);
            assertTrue(x >= 0, "the Spark bar has " + part);
            starts.add(x);
        }
        assertEquals(starts.stream().sorted().toList(), starts, "compute, deserialisation, result serialisation, rest");
    }

    @Test
    void serialAndThreadBarsAreComputeOnly() throws IOException {
        BufferedImage chart = png(mixed());
        for (Color family : List.of(SERIAL, THREADS)) {
            List<Integer> rows = lines(chart, family);
            assertFalse(rows.isEmpty(), "a bar of " + family);
            for (int y : rows) {
                for (Color other : List.of(SPARK, DESERIALISATION, RESULT_SERIALISATION, REST)) {
                    assertEquals(-1, firstRun(chart, y, other), "line " + y + " of the " + family + " bar");
                }
            }
        }
    }

    @Test
    void aChartWithoutSparkShowsNoSparkColourNotEvenInItsLegend() throws IOException {
        BufferedImage chart = png(report("local[2]", serial("serial", 1.0), threads("threads", 0.5)));
        for (Color spark : List.of(SPARK, DESERIALISATION, RESULT_SERIALISATION, REST)) {
            assertEquals(0, count(chart, spark), "no mark of " + spark);
        }
    }

    @Test
    void aThreeMillisecondRowStaysVisibleBesideAOneSecondRow() throws IOException {
        BufferedImage chart = png(report("local[2]", serial("serial", 1.0), threads("threads-sieve", 0.003)));
        List<Integer> rows = lines(chart, THREADS);
        assertTrue(rows.size() >= 10, "the 3 ms bar is a bar: " + rows.size() + " lines");
        int width = longestRun(chart, rows.get(0), THREADS);
        assertTrue(width >= 40, "the 3 ms bar is " + width + " px long");
    }

    @Test
    void timesAreLabelledToThreeSignificantDigits() {
        assertEquals("8.00 s", LogAxis.label(7.999, 3, false));
        assertEquals("1.00 s", LogAxis.label(0.9996, 3, false));
        assertEquals("187 ms", LogAxis.label(0.187, 3, false));
        assertEquals("3.20 ms", LogAxis.label(0.0032, 3, false));
        assertEquals("10 ms", LogAxis.label(0.01, 2, true));
        assertEquals("200 µs", LogAxis.label(2e-4, 2, true));
    }

    @Test
    void theAxisStartsHalfADecadeOrMoreBelowTheShortestTime() {
        LogAxis axis = new LogAxis(0.001, 1, 100, 700);
        assertTrue(axis.x(0.001) > 100 + 600 / 4 / 4, "a 1 ms bar has length: " + axis.x(0.001));
        assertEquals(700, axis.x(1));
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0), axis.labelledTicks());
    }

    private static BufferedImage png(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TimeBars.write("primes", report, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertNotNull(image, "decodes as a PNG");
        return image;
    }

    /** The scan lines on which {@code colour} runs for at least {@link #BAR_RUN} pixels. */
    private static List<Integer> lines(BufferedImage image, Color colour) {
        return IntStream.range(0, image.getHeight()).filter(y -> longestRun(image, y, colour) >= BAR_RUN).boxed().toList();
    }

    /** Where on line {@code y} a run of {@code colour} begins, or -1. */
    private static int firstRun(BufferedImage image, int y, Color colour) {
        return IntStream.range(0, image.getWidth()).filter(x -> image.getRGB(x, y) == colour.getRGB()).findFirst().orElse(-1);
    }

    private static int longestRun(BufferedImage image, int y, Color colour) {
        int longest = 0;
        int run = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            run = image.getRGB(x, y) == colour.getRGB() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static long count(BufferedImage image, Color colour) {
        return IntStream.range(0, image.getHeight()).mapToLong(y -> IntStream.range(0, image.getWidth())
                .filter(x -> image.getRGB(x, y) == colour.getRGB()).count()).sum();
    }
}
