package dev.sparkcputour.report;

import dev.sparkcputour.report.TimeParts.Part;
import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.imageio.ImageIO;

/**
 * A workload's chart of where the time goes: one horizontal bar per strategy, its length the
 * median wall time on a log axis (so a 3 ms row stays visible beside a 1 s one), split in
 * proportion to its {@link TimeParts}, with a whisker from the fastest to the slowest timed run.
 * Compute is coloured by {@link Family}; Spark's other parts have colours of their own.
 */
public final class TimeBars {

    static final int WIDTH = 800;
    static final Map<Family, Color> COMPUTE = new EnumMap<>(Map.of(
            Family.SERIAL, new Color(0x7B8794), Family.THREADS, new Color(0x009E73), Family.SPARK, new Color(0x0072B2)));
    /** Spark's parts besides compute (Okabe–Ito colours, told apart by colour-blind readers too). */
    static final Map<Part, Color> SPARK_PARTS = new EnumMap<>(Map.of(Part.DESERIALISATION, new Color(0xD55E00),
            Part.RESULT_SERIALISATION, new Color(0xCC79A7), Part.REST, new Color(0xF0E442)));

    private static final int PAD = 14;
    private static final int ROW = 30;
    private static final int BAR = 18;
    private static final int MAX_LABEL = 220;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font NAMES = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Color OUTLINE = new Color(0x404040);

    static {
        System.setProperty("java.awt.headless", "true"); // servers and CI have no display
    }

    private TimeBars() {
    }

    /** The chart of {@code workload}'s runs in {@code report}, as a PNG. */
    public static void write(String workload, Report report, OutputStream out) throws IOException {
        List<RunResult> runs = report.runs().stream().filter(r -> r.workload().equals(workload)).toList();
        ImageIO.write(draw(workload, runs, report.machine()), "png", out);
    }

    /** The chart of {@code runs}, measured on {@code machine}. */
    static BufferedImage draw(String workload, List<RunResult> runs, Machine machine) {
        List<TimeParts> parts = runs.stream().map(r -> TimeParts.of(r, machine.taskSlots())).toList();
        Legend legend = legend(parts);

        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<String> lines = wrap(notes(parts, machine), probe.getFontMetrics(TEXT), WIDTH - 2 * PAD);
        int legendTop = PAD + 22 + lines.size() * 16 + 8;
        int top = legendTop + legend.height(probe.getFontMetrics(TEXT), WIDTH - 2 * PAD) + 14;
        FontMetrics names = probe.getFontMetrics(NAMES);
        int labels = Math.min(MAX_LABEL, runs.stream().mapToInt(r -> names.stringWidth(r.strategy())).max().orElse(0));
        int values = runs.stream().mapToInt(r -> names.stringWidth(value(r))).max().orElse(0);
        probe.dispose();
        int bottom = top + runs.size() * ROW;
        LogAxis axis = new LogAxis(runs.stream().mapToDouble(RunResult::minSeconds).min().orElse(1),
                runs.stream().mapToDouble(RunResult::maxSeconds).max().orElse(1),
                PAD + labels + 10, WIDTH - PAD - values - 10);

        BufferedImage image = new BufferedImage(WIDTH, bottom + 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        // text smoothed; bars and lines left sharp, so each part is its own exact colour
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(workload + ": where each strategy's time goes", PAD, PAD + 14);
        g.setFont(TEXT);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), PAD, PAD + 36 + i * 16);
        }
        legend.draw(g, PAD, legendTop, WIDTH - 2 * PAD);
        drawAxis(g, axis, top, bottom);
        g.setFont(NAMES);
        for (int i = 0; i < runs.size(); i++) {
            drawRow(g, axis, runs.get(i), parts.get(i), top + i * ROW + ROW / 2, labels);
        }
        g.dispose();
        return image;
    }

    /** How to read the bars and, if Spark ran, how its parts were made wall time. */
    private static List<String> notes(List<TimeParts> parts, Machine machine) {
        List<String> notes = new ArrayList<>(List.of("Bar: median wall time of the timed runs (log axis), split in"
                + " proportion to its parts; whisker: fastest to slowest run."));
        if (parts.stream().anyMatch(p -> p.family() == Family.SPARK)) {
            notes.add("Spark's task parts are the listener's seconds, summed over tasks, divided by the task slots in use ("
                    + slotsNote(machine, machine.taskSlots()) + "); the rest of the wall time is scheduling, fetching"
                    + " results and the driver's work.");
        }
        return notes;
    }

    private static String slotsNote(Machine machine, OptionalInt slots) {
        return slots.isPresent()
                ? machine.master() + ": " + slots.getAsInt() + ", fewer when a job has fewer tasks"
                : machine.master() + " does not say its slots: the tasks per job";
    }

    /** Only what the chart draws: the compute of each family present, Spark's parts if any, the whisker. */
    private static Legend legend(List<TimeParts> parts) {
        List<Legend.Entry> entries = new ArrayList<>();
        for (Family family : Family.values()) {
            if (parts.stream().anyMatch(p -> p.family() == family)) {
                entries.add(new Legend.Entry(Optional.of(COMPUTE.get(family)),
                        family == Family.SPARK ? "Spark: task run (compute)" : family.label() + ": compute"));
            }
        }
        if (parts.stream().anyMatch(p -> p.family() == Family.SPARK)) {
            entries.add(new Legend.Entry(Optional.of(SPARK_PARTS.get(Part.DESERIALISATION)), "task deserialisation"));
            entries.add(new Legend.Entry(Optional.of(SPARK_PARTS.get(Part.RESULT_SERIALISATION)), "result serialisation"));
            entries.add(new Legend.Entry(Optional.of(SPARK_PARTS.get(Part.REST)), "the rest: scheduling, driver"));
        }
        entries.add(new Legend.Entry(Optional.empty(), "fastest to slowest run"));
        return new Legend(entries);
    }

    private static void drawAxis(Graphics2D g, LogAxis axis, int top, int bottom) {
        FontMetrics fm = g.getFontMetrics(TEXT);
        g.setFont(TEXT);
        for (double tick : axis.labelledTicks()) {
            int x = axis.x(tick);
            g.setColor(GRID);
            g.drawLine(x, top - 4, x, bottom);
            g.setColor(OUTLINE);
            g.drawLine(x, bottom, x, bottom + 4);
            String label = LogAxis.label(tick, 2, true);
            g.drawString(label, x - fm.stringWidth(label) / 2, bottom + 18);
        }
        g.drawLine(axis.left(), bottom, axis.x(Double.MAX_VALUE), bottom);
        String title = "median wall time per run (log scale)";
        int middle = (axis.left() + axis.x(Double.MAX_VALUE)) / 2;
        g.drawString(title, middle - fm.stringWidth(title) / 2, bottom + 38);
    }

    private static void drawRow(Graphics2D g, LogAxis axis, RunResult run, TimeParts parts, int middle, int labels) {
        FontMetrics fm = g.getFontMetrics();
        int baseline = middle + fm.getAscent() / 2 - 2;
        String name = fitted(run.strategy(), fm, labels);
        g.setColor(Color.BLACK);
        g.drawString(name, axis.left() - 10 - fm.stringWidth(name), baseline);
        int start = axis.left();
        int end = axis.x(run.medianSeconds());
        double sum = 0;
        int from = start;
        for (Part part : Part.values()) {
            sum += parts.seconds(part);
            // cumulative edges, so rounding never opens a gap or overruns the bar's end
            int to = start + (int) Math.round(sum / parts.total() * (end - start));
            if (to > from) {
                g.setColor(part == Part.COMPUTE ? COMPUTE.get(parts.family()) : SPARK_PARTS.get(part));
                g.fillRect(from, middle - BAR / 2, to - from, BAR);
            }
            from = to;
        }
        g.setColor(OUTLINE);
        g.drawRect(start, middle - BAR / 2, Math.max(1, end - start), BAR);
        int slowest = axis.x(run.maxSeconds());
        whisker(g, axis.x(run.minSeconds()), slowest, middle);
        g.setColor(Color.BLACK);
        g.drawString(value(run), Math.max(slowest, end) + 8, baseline);
    }

    /** A filled box with an outline, as the bars are drawn. */
    static void box(Graphics2D g, Color fill, int x, int y, int w, int h) {
        g.setColor(fill);
        g.fillRect(x, y, w, h);
        g.setColor(OUTLINE);
        g.drawRect(x, y, w, h);
    }

    /** A horizontal whisker from {@code x1} to {@code x2} with end caps. */
    static void whisker(Graphics2D g, int x1, int x2, int middle) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x1, middle, x2, middle);
        g.drawLine(x1, middle - 5, x1, middle + 5);
        g.drawLine(x2, middle - 5, x2, middle + 5);
        g.setStroke(new BasicStroke(1f));
    }

    private static String value(RunResult run) {
        return LogAxis.label(run.medianSeconds(), 3, false);
    }

    /** {@code text}, cut short with an ellipsis if wider than {@code width}. */
    private static String fitted(String text, FontMetrics fm, int width) {
        String out = text;
        while (fm.stringWidth(out) > width && out.length() > 1) {
            out = out.substring(0, out.length() - 2) + "…";
        }
        return out;
    }

    /** The notes as lines no wider than {@code width}, broken between words. */
    private static List<String> wrap(List<String> notes, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        for (String note : notes) {
            StringBuilder line = new StringBuilder();
            for (String word : note.split(" ")) {
                if (line.length() > 0 && fm.stringWidth(line + " " + word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
