package dev.sparkcputour.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A chart's key, flowing left to right in lines: every entry has a mark drawn exactly as in the chart. */
final class Legend {

    private static final int SWATCH = 12;
    private static final int LINE = 18;
    private static final int GAP = 18;

    /** A filled swatch of {@code fill}, or a whisker when it is empty. */
    record Entry(Optional<Color> fill, String text) {
    }

    private final List<Entry> entries;

    Legend(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The height the entries take when flowed into {@code width} pixels. */
    int height(FontMetrics fm, int width) {
        List<Point> at = place(fm, 0, 0, width);
        return at.isEmpty() ? 0 : at.get(at.size() - 1).y + LINE;
    }

    /** Draws the entries from ({@code x}, {@code top}), flowed into {@code width} pixels. */
    void draw(Graphics2D g, int x, int top, int width) {
        FontMetrics fm = g.getFontMetrics();
        List<Point> at = place(fm, x, top, width);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Point p = at.get(i);
            int middle = p.y + LINE / 2;
            if (entry.fill().isPresent()) {
                TimeBars.box(g, entry.fill().get(), p.x, middle - SWATCH / 2, SWATCH, SWATCH);
            } else {
                TimeBars.whisker(g, p.x, p.x + SWATCH, middle);
            }
            g.setColor(Color.BLACK);
            g.drawString(entry.text(), p.x + SWATCH + 6, middle + fm.getAscent() / 2 - 1);
        }
    }

    /** Where each entry's mark starts: a new line when the next entry would pass {@code width}. */
    private List<Point> place(FontMetrics fm, int x, int top, int width) {
        List<Point> out = new ArrayList<>();
        int cx = x;
        int cy = top;
        for (Entry entry : entries) {
            int w = SWATCH + 6 + fm.stringWidth(entry.text());
            if (cx > x && cx + w > x + width) {
                cx = x;
                cy += LINE;
            }
            out.add(new Point(cx, cy));
            cx += w + GAP;
        }
        return out;
    }
}
