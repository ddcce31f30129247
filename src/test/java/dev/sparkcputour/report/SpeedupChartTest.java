package dev.sparkcputour.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class SpeedupChartTest {

    private static final List<Integer> CORES = List.of(1, 2, 4);
    private static final List<String> STRATEGIES = List.of("threads", "spark");
    private static final List<List<Double>> SPEEDUPS = List.of(List.of(1.0, 1.9, 3.5), List.of(1.0, 1.6, 2.4));

    @Test
    void keepsTheIdealLineBesideEachStrategy() {
        XYChart chart = SpeedupChart.chart("primes", CORES, STRATEGIES, SPEEDUPS);
        XYSeries ideal = chart.getSeriesMap().get(SpeedupChart.IDEAL);
        assertNotNull(ideal, "the ideal line");
        assertEquals(List.of(1.0, 2.0, 4.0), java.util.Arrays.stream(ideal.getYData()).boxed().toList(), "speedup = cores");
        assertTrue(chart.getSeriesMap().keySet().containsAll(STRATEGIES));
    }

    @Test
    void decodesAsAPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpeedupChart.write("primes", CORES, STRATEGIES, SPEEDUPS, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(SpeedupChart.WIDTH, image.getWidth());
        assertEquals(SpeedupChart.HEIGHT, image.getHeight());
    }
}
