package org.scorescope.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** The charts' shared look: dark, readable on a projector, one colour per sampler slot. */
final class Charts {
    /** Sampler colours, by slot (orange, cyan, pink, lime, then more). */
    static final Color[] PALETTE = {
        new Color(0xFF8C42), new Color(0x4CC9F0), new Color(0xF72585), new Color(0xB5E48C),
        new Color(0xFFD166), new Color(0x9B5DE5), new Color(0x06D6A0), new Color(0xEF476F)};
    static final Color BACKGROUND = new Color(0x18181D);
    static final Color PLOT = new Color(0x101014);
    static final Color TEXT = new Color(0xE8E8EE);
    static final Color GRID = new Color(0x34343F);

    private Charts() {
    }

    static Color color(int slot) {
        return PALETTE[slot % PALETTE.length];
    }

    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(TEXT);
            chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(BACKGROUND);
            chart.getLegend().setItemPaint(TEXT);
            chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 11));
        }
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(PLOT);
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlinePaint(GRID);
            p.setOutlinePaint(GRID);
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                axis(p.getDomainAxis(i));
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axis(p.getRangeAxis(i));
            }
        }
    }

    private static void axis(org.jfree.chart.axis.ValueAxis a) {
        if (a == null) {
            return;
        }
        a.setLabelPaint(TEXT);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(GRID);
        a.setTickMarkPaint(GRID);
        a.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 11));
    }

    static BasicStroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dashed(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 5f}, 0f);
    }
}
