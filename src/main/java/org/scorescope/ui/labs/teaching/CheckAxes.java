package org.scorescope.ui.labs.teaching;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
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
                ticks.add(new org.jfree.chart.axis.NumberTick(org.jfree.chart.axis.TickType.MAJOR, v, Ticks.label(v),
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
        a.setNumberFormatOverride(new Ticks());
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

    /** Tick labels: a power of ten as 10ᵏ, anything else with three significant digits (never "1E-4"). */
    static final class Ticks extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            return to.append(label(v));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return to.append(label(v));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }

        static String label(double v) {
            if (!(v > 0) || Double.isInfinite(v)) {
                return String.valueOf(v);
            }
            double e = Math.log10(v);
            long k = Math.round(e);
            if (Math.abs(e - k) < 1e-9 && (k < 0 || k > 3)) {
                StringBuilder b = new StringBuilder("10");
                String digits = Long.toString(Math.abs(k));
                if (k < 0) {
                    b.append('⁻');
                }
                for (char ch : digits.toCharArray()) {
                    b.append(SUPERSCRIPTS.charAt(ch - '0'));
                }
                return b.toString();
            }
            if (v >= 1 && v < 1e6) {
                return String.format(Locale.ROOT, "%,d", Math.round(v)).replace(',', ' ');
            }
            return String.format(Locale.ROOT, "%.3g", v);
        }
    }
}
