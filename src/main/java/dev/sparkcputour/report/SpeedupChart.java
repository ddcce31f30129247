package dev.sparkcputour.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The core sweep's speedup chart, drawn with XChart (a comparison's charts are {@link TimeBars}). */
public final class SpeedupChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    /** The series of speedup = cores, drawn as a line without markers. */
    static final String IDEAL = "ideal";

    static {
        System.setProperty("java.awt.headless", "true"); // servers and CI have no display
    }

    private SpeedupChart() {
    }

    /** Speedup against cores for each strategy, with the ideal line (speedup = cores), as a PNG. */
    public static void write(String title, List<Integer> cores, List<String> strategies,
                             List<List<Double>> speedups, OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart(title, cores, strategies, speedups), out, BitmapEncoder.BitmapFormat.PNG);
    }

    static XYChart chart(String title, List<Integer> cores, List<String> strategies, List<List<Double>> speedups) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("cores").yAxisTitle("speedup vs 1 core").build();
        chart.getStyler().setXAxisDecimalPattern("0");
        List<Double> x = cores.stream().map(Integer::doubleValue).toList();
        XYSeries ideal = chart.addSeries(IDEAL, x, x);
        ideal.setMarker(SeriesMarkers.NONE);
        for (int i = 0; i < strategies.size(); i++) {
            chart.addSeries(strategies.get(i), x, speedups.get(i));
        }
        return chart;
    }
}
