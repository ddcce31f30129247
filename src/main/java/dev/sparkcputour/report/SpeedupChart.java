package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG charts of a comparison, drawn with XChart. */
public final class Charts {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    static {
        System.setProperty("java.awt.headless", "true"); // servers and CI have no display
    }

    private Charts() {
    }

    /**
     * Median seconds per strategy as bars, with a whisker from the fastest to the slowest timed
     * run (drawn as an error bar around the midpoint of min and max, which is exactly that span).
     */
    public static void medianBars(String workload, List<RunResult> runs, OutputStream out) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(workload + ": median seconds per strategy (whiskers: min to max)")
                .xAxisTitle("strategy").yAxisTitle("seconds").build();
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setYAxisMin(0.0);
        List<String> names = runs.stream().map(RunResult::strategy).toList();
        chart.addSeries("median", names, runs.stream().map(RunResult::medianSeconds).toList());
        CategorySeries spread = chart.addSeries("min to max", names,
                runs.stream().map(r -> (r.minSeconds() + r.maxSeconds()) / 2).toList(),
                runs.stream().map(r -> (r.maxSeconds() - r.minSeconds()) / 2).toList());
        spread.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        spread.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Speedup against cores for each strategy, with the ideal line (speedup = cores). */
    public static void speedup(String title, List<Integer> cores, List<String> strategies,
                               List<List<Double>> speedups, OutputStream out) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("cores").yAxisTitle("speedup vs 1 core").build();
        chart.getStyler().setXAxisDecimalPattern("0");
        List<Double> x = cores.stream().map(Integer::doubleValue).toList();
        XYSeries ideal = chart.addSeries("ideal", x, x);
        ideal.setMarker(SeriesMarkers.NONE);
        for (int i = 0; i < strategies.size(); i++) {
            chart.addSeries(strategies.get(i), x, speedups.get(i));
        }
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
}
