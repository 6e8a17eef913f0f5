package io.feiyan.simulation;

import io.feiyan.events.Tier;
import java.util.Locale;

/**
 * The month in one picture, as a county centre would put it in its monthly report (SVG): orders placed each day with
 * the share of them served in the village (诉求不出村), and for each tier its open orders at noon against its capacity.
 */
public final class Picture {
    private static final int WIDTH = 900;
    private static final int LEFT = 60;
    private static final int PLOT = WIDTH - LEFT - 60;

    private Picture() {
    }

    public static String svg(Month.Result month, String title) {
        int days = month.clock().days();
        int[] placed = new int[days];
        int[] inVillage = new int[days];
        int[] served = new int[days];
        for (Month.Outcome o : month.outcomes()) {
            int day = month.clock().day(o.need().at());
            placed[day]++;
            if (o.accepted()) {
                served[day]++;
                if (o.servedAt() == Tier.VILLAGE) {
                    inVillage[day]++;
                }
            }
        }
        StringBuilder svg = new StringBuilder();
        int height = 300 + 3 * 130;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                WIDTH, height));
        svg.append(text(LEFT, 24, 16, escape(title)));
        double slot = (double) PLOT / days;
        int top = 50;
        int plotHeight = 200;
        int most = Math.max(1, max(placed));
        svg.append(text(LEFT, top - 8, 12, "orders placed each day (bars) and the share served in the village (line, right axis)"));
        for (int d = 0; d < days; d++) {
            double h = plotHeight * placed[d] / (double) most;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#9db4cf\"/>%n",
                    LEFT + d * slot + 1, top + plotHeight - h, slot - 2, h));
        }
        StringBuilder line = new StringBuilder();
        for (int d = 0; d < days; d++) {
            double share = served[d] == 0 ? 0 : inVillage[d] / (double) served[d];
            line.append(String.format(Locale.ROOT, "%s%.1f,%.1f ", d == 0 ? "M" : "L", LEFT + (d + 0.5) * slot,
                    top + plotHeight * (1 - share)));
        }
        svg.append(String.format("<path d=\"%s\" fill=\"none\" stroke=\"#a3261b\" stroke-width=\"2\"/>%n", line));
        svg.append(axis(top, plotHeight, days, slot, most + " orders", "100 %"));
        int y = top + plotHeight + 50;
        for (Tier tier : Tier.values()) {
            int[] open = month.openAtNoon().get(tier);
            int capacity = month.capacity().get(tier);
            int scale = Math.max(1, Math.max(capacity, max(open)));
            int h = 80;
            svg.append(text(LEFT, y - 8, 12, String.format(Locale.ROOT,
                    "%s teams: open orders at noon (bars) against their capacity, %d places (line)",
                    tier.name().toLowerCase(Locale.ROOT), capacity)));
            for (int d = 0; d < days; d++) {
                double bar = h * open[d] / (double) scale;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                        LEFT + d * slot + 1, y + h - bar, slot - 2, bar, open[d] >= capacity ? "#a3261b" : "#c9d1dc"));
            }
            double capacityY = y + h - h * capacity / (double) scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2430\" "
                    + "stroke-dasharray=\"4 3\"/>%n", LEFT, LEFT + PLOT, capacityY, capacityY));
            svg.append(axis(y, h, days, slot, scale + "", ""));
            y += h + 50;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String axis(int top, int height, int days, double slot, String leftTop, String rightTop) {
        StringBuilder axis = new StringBuilder(String.format(Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#1d2430\"/>%n", LEFT, LEFT + PLOT, top + height,
                top + height));
        axis.append(text(4, top + 10, 11, leftTop)).append(text(LEFT + PLOT + 6, top + 10, 11, rightTop));
        for (int d = 0; d < days; d += 7) {
            axis.append(text((int) (LEFT + d * slot), top + height + 14, 11, "day " + (d + 1)));
        }
        return axis.toString();
    }

    private static String text(int x, int y, int size, String words) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"#1d2430\">%s</text>%n",
                x, y, size, words);
    }

    private static int max(int[] values) {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
