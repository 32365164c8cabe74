package org.scorescope.ui.labs.teaching;

import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;

/** The axes of a theorem check's chart ({@link TheoremCheckChart}): log or linear, ranges with a little room, readable tick labels. */
final class CheckAxes {
    private CheckAxes() {
    }

    /** A log axis whose labelled ticks are the measured abscissae (T = 200, 400, 800), not powers of two or ten. */
    static final class AtValues extends LogAxis {
        private static final long serialVersionUID = 1L;
        private final double[] at;

        AtValues(String label, double[] at) {
            super(label);
            this.at = at.clone();
            setBase(10);
            setSmallestValue(1e-300);
            setMinorTickMarksVisible(false);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(java.awt.Graphics2D g, org.jfree.chart.axis.AxisState state, java.awt.geom.Rectangle2D area,
                RectangleEdge edge) {
            List ticks = new java.util.ArrayList();
            for (double v : at) {
                ticks.add(new org.jfree.chart.axis.NumberTick(org.jfree.chart.axis.TickType.MAJOR, v, org.scorescope.ui.lab.DecadeFormat.label(v),
                        org.jfree.chart.ui.TextAnchor.TOP_CENTER, org.jfree.chart.ui.TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
    }

    static LogAxis logAxis(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        a.setMinorTickCount(9);
        a.setMinorTickMarksVisible(true);
        a.setNumberFormatOverride(new org.scorescope.ui.lab.DecadeFormat());
        return a;
    }

    static NumberAxis linear(String label, boolean whole) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        if (whole) {
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return a;
    }

    /** A little room around the data; on a log axis, ticks at every doubling when the data span about a decade, else every decade. */
    static void range(ValueAxis axis, double[] r, boolean log, double margin) {
        if (log) {
            double lo = Math.log10(r[0]);
            double hi = Math.log10(r[1]);
            double pad = Math.max(0.05, (hi - lo) * margin);
            ((LogAxis) axis).setTickUnit(new NumberTickUnit(hi - lo < 1.6 ? Math.log10(2) : hi - lo < 6 ? 1 : 2));
            axis.setAutoRange(false);
            axis.setRange(Math.pow(10, lo - pad), Math.pow(10, hi + pad));
        } else {
            double pad = Math.max(1e-9, (r[1] - r[0]) * margin);
            axis.setAutoRange(false);
            axis.setRange(r[0] - pad, r[1] + pad);
        }
    }
}
