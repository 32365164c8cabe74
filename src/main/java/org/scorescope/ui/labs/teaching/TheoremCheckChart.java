package org.scorescope.ui.labs.teaching;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scorescope.metrics.Sweep;
import org.scorescope.teaching.TheoremCard;
import org.scorescope.teaching.TheoremCheck;
import org.scorescope.ui.lab.ChartStyle;

/**
 * The chart of one theorem check (issue 18): the measured series as points joined by the fitted
 * line, and the theory's slope or shape DASHED through the data.
 * <ul>
 *   <li>a rate (error against T or N): log–log; the fitted power law and the theory's order both
 *       through the data's centre (in logs, where a least-squares line passes), or, for a bound that
 *       the case checked beats ({@link TheoremCard.Bound#AT_LEAST}), the theory's order through the
 *       first point;</li>
 *   <li>Picard rounds (gap against K): log gap on a linear K axis; the theory's geometric decay
 *       e^{−rate·K} through the first point;</li>
 *   <li>guidance (E[1/p(c|Y)] against w): linear axes; the theorem's shape, "below the unguided
 *       value", as a dashed level at w = 0's value.</li>
 * </ul>
 * Built and filled on the chart lane only ({@link org.scorescope.ui.lab.ChartImage}).
 */
final class TheoremCheckChart {
    private TheoremCheckChart() {
    }

    static JFreeChart create() {
        JFreeChart chart = ChartFactory.createXYLineChart(null, "", "", new XYSeriesCollection(), PlotOrientation.VERTICAL, true, false,
                false);
        ChartStyle.style(chart);
        chart.setPadding(new RectangleInsets(10, 8, 4, 16));
        return chart;
    }

    /** The line under a chart: fitted against the theory, one clause per series. */
    static String verdict(TheoremCheck.Result r) {
        StringBuilder b = new StringBuilder();
        for (TheoremCheck.Series s : r.series()) {
            b.append(b.length() == 0 ? "" : "\n").append(line(r.card().check(), s));
        }
        return b.toString();
    }

    /** "accel-ddim: fitted slope 1.86, theory 2 ± 0.15: passes". */
    static String line(TheoremCard.Check check, TheoremCheck.Series s) {
        String verdict = s.passed() ? "passes" : "FAILS";
        if (check instanceof TheoremCard.ExactSlope c) {
            return s.label() + ": fitted slope " + slope(s.slope()) + ", theory " + c.bound().describe(c.order(), c.tolerance()) + ": " + verdict;
        } else if (check instanceof TheoremCard.DiscreteSlope c) {
            return s.label() + ": fitted slope " + slope(s.slope()) + ", theory " + c.bound().describe(c.order(), c.tolerance()) + ": " + verdict;
        } else if (check instanceof TheoremCard.PicardRounds c) {
            return s.label() + ": fitted log-gap slope " + slope(s.slope()) + " per round, theory ≤ −" + number(c.rate()) + ": " + verdict;
        } else if (check instanceof TheoremCard.GuidanceDecrease c) {
            StringBuilder v = new StringBuilder();
            for (int i = 0; i < s.y().length; i++) {
                v.append(i == 0 ? "" : " → ").append(String.format(Locale.ROOT, "%.3g ± %.2g", s.y()[i], s.se()[i]));
            }
            return s.label() + ": E[1/p(c|Y)] " + v + " (± 1 s.e.) at w = " + joinW(c.strengths()) + ", theory: decreasing in w (each step by > "
                    + number(c.sigmas()) + " s.e.): " + verdict;
        }
        return s.label() + ": " + verdict;
    }

    /** A slope as the window shows it (two decimals). */
    static String slope(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace('-', '−');
    }

    private static String number(double v) {
        return org.scorescope.sampler.SamplerId.format(v);
    }

    private static String joinW(double[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            b.append(i == 0 ? "" : ", ").append(number(w[i]));
        }
        return b.toString();
    }

    /** Puts a check's result on the chart (chart lane). */
    static void fill(JFreeChart chart, TheoremCheck.Result result) {
        XYPlot plot = chart.getXYPlot();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        TheoremCard.Check check = result.card().check();
        boolean logX = check instanceof TheoremCard.ExactSlope || check instanceof TheoremCard.DiscreteSlope;
        boolean logY = !(check instanceof TheoremCard.GuidanceDecrease);
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<TheoremCheck.Series> all = result.series();
        for (int k = 0; k < all.size(); k++) {
            TheoremCheck.Series s = all.get(k);
            Color color = ChartStyle.color(k);
            XYSeries points = new XYSeries(s.label() + " (measured)", false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (!logY || s.y()[i] > 0) {
                    points.add(s.x()[i], s.y()[i]);
                    extend(xr, s.x()[i]);
                    extend(yr, s.y()[i]);
                }
            }
            int p = add(data, points);
            r.setSeriesShapesVisible(p, true);
            r.setSeriesLinesVisible(p, check instanceof TheoremCard.GuidanceDecrease);
            r.setSeriesShape(p, new Ellipse2D.Double(-5, -5, 10, 10));
            r.setSeriesPaint(p, color);
            r.setSeriesStroke(p, ChartStyle.stroke(2));
            for (int i = 0; i < s.x().length && check instanceof TheoremCard.GuidanceDecrease; i++) {
                // ± 1 standard error, as a vertical bar (the check asks for drops of more than 3)
                // keys must differ; only the first bar is in the legend, so the others differ invisibly
                XYSeries bar = new XYSeries(s.label() + " ± 1 s.e." + "\u200b".repeat(i), false, true);
                bar.add(s.x()[i], s.y()[i] - s.se()[i]);
                bar.add(s.x()[i], s.y()[i] + s.se()[i]);
                extend(yr, s.y()[i] - s.se()[i]);
                extend(yr, s.y()[i] + s.se()[i]);
                int b = add(data, bar);
                r.setSeriesPaint(b, color);
                r.setSeriesStroke(b, ChartStyle.stroke(2));
                r.setSeriesVisibleInLegend(b, i == 0);
            }
            XYSeries fitted = fitted(check, s);
            if (fitted != null) {
                int f = add(data, fitted);
                r.setSeriesPaint(f, color);
                r.setSeriesStroke(f, ChartStyle.stroke(2));
            }
            XYSeries theory = theory(check, s, all.size() > 1);
            if (theory != null) {
                int t = add(data, theory);
                r.setSeriesPaint(t, all.size() > 1 ? brighter(color) : ChartStyle.TEXT);
                r.setSeriesStroke(t, ChartStyle.dashed(2.2));
                for (int i = 0; i < theory.getItemCount(); i++) {
                    extend(yr, theory.getY(i).doubleValue());
                }
            }
        }
        plot.setDataset(data);
        plot.setRenderer(r);
        plot.setDomainAxis(logX ? new CheckAxes.AtValues(xLabel(check), all.get(0).x()) : CheckAxes.linear(xLabel(check), true));
        plot.setRangeAxis(logY ? CheckAxes.logAxis(yLabel(check)) : CheckAxes.linear(yLabel(check), false));
        if (xr[1] >= xr[0]) {
            CheckAxes.range(plot.getDomainAxis(), xr, logX, 0.08);
            if (plot.getDomainAxis() instanceof CheckAxes.AtValues) {
                plot.getDomainAxis().setRange(xr[0] / 1.12, xr[1] * 1.12);
            }
            CheckAxes.range(plot.getRangeAxis(), yr, logY, 0.12);
        }
        ChartStyle.style(chart);
        // a projector's sizes: the window's lab charts use 11.5–12.5 px, small for a lecture hall
        chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 14));
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
            a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 13));
        }
    }

    private static int add(XYSeriesCollection data, XYSeries s) {
        data.addSeries(s);
        return data.getSeriesCount() - 1;
    }

    /** The least-squares line through the points (a power law for rates, a geometric decay for rounds); null for guidance. */
    private static XYSeries fitted(TheoremCard.Check check, TheoremCheck.Series s) {
        if (Double.isNaN(s.slope()) || s.x().length < 2) {
            return null;
        }
        String law = check instanceof TheoremCard.PicardRounds ? "e^(" + slope(s.slope()) + " K)" : variable(check) + "^−" + slope(s.slope());
        XYSeries line = new XYSeries(s.label() + " fitted: ∝ " + law, false, true);
        double[] c = centre(check, s);
        double x0 = s.x()[0];
        double x1 = s.x()[s.x().length - 1];
        if (check instanceof TheoremCard.PicardRounds) {
            line.add(x0, Math.exp(c[1] + s.slope() * (x0 - c[0])));
            line.add(x1, Math.exp(c[1] + s.slope() * (x1 - c[0])));
        } else {
            line.add(x0, Math.exp(c[1] - s.slope() * (Math.log(x0) - c[0])));
            line.add(x1, Math.exp(c[1] - s.slope() * (Math.log(x1) - c[0])));
        }
        return line;
    }

    /** The theory's slope or shape, drawn dashed. */
    private static XYSeries theory(TheoremCard.Check check, TheoremCheck.Series s, boolean named) {
        String who = named ? " (" + s.label() + ")" : "";
        double x0 = s.x()[0];
        double x1 = s.x()[s.x().length - 1];
        if (check instanceof TheoremCard.GuidanceDecrease) {
            XYSeries level = new XYSeries("theory: below the unguided value" + who, false, true);
            level.add(x0, s.y()[0]);
            level.add(x1, s.y()[0]);
            return level;
        }
        if (check instanceof TheoremCard.PicardRounds c) {
            XYSeries decay = new XYSeries("theory: at least e^(−" + number(c.rate()) + " K)" + who, false, true);
            decay.add(x0, s.y()[0]);
            decay.add(x1, s.y()[0] * Math.exp(-c.rate() * (x1 - x0)));
            return decay;
        }
        double order;
        TheoremCard.Bound bound;
        if (check instanceof TheoremCard.ExactSlope c) {
            order = c.order();
            bound = c.bound();
        } else if (check instanceof TheoremCard.DiscreteSlope c) {
            order = c.order();
            bound = c.bound();
        } else {
            return null;
        }
        XYSeries line;
        if (bound == TheoremCard.Bound.AT_LEAST) {
            line = new XYSeries("theory: ∝ " + variable(check) + "^−" + number(order) + " or faster (from the first point)" + who, false, true);
            line.add(x0, s.y()[0]);
            line.add(x1, s.y()[0] * Math.pow(x1 / x0, -order));
        } else {
            double[] c = centre(check, s);
            line = new XYSeries("theory: ∝ " + variable(check) + "^−" + number(order) + who, false, true);
            line.add(x0, Math.exp(c[1] - order * (Math.log(x0) - c[0])));
            line.add(x1, Math.exp(c[1] - order * (Math.log(x1) - c[0])));
        }
        return line;
    }

    /** The data's centre: mean of (log) x and mean of log y — a least-squares line passes through it. */
    private static double[] centre(TheoremCard.Check check, TheoremCheck.Series s) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < s.x().length; i++) {
            if (s.y()[i] > 0 && Double.isFinite(s.y()[i])) {
                sx += check instanceof TheoremCard.PicardRounds ? s.x()[i] : Math.log(s.x()[i]);
                sy += Math.log(s.y()[i]);
                n++;
            }
        }
        return new double[] {sx / n, sy / n};
    }

    private static String variable(TheoremCard.Check check) {
        return check instanceof TheoremCard.DiscreteSlope ? "N" : "T";
    }

    private static String xLabel(TheoremCard.Check check) {
        if (check instanceof TheoremCard.ExactSlope) {
            return "T, steps (log scale)";
        } else if (check instanceof TheoremCard.DiscreteSlope) {
            return "N, steps (log scale)";
        } else if (check instanceof TheoremCard.PicardRounds) {
            return "K, Picard rounds per block";
        }
        return "guidance strength w";
    }

    private static String yLabel(TheoremCard.Check check) {
        if (check instanceof TheoremCard.ExactSlope c) {
            return (c.metric() == Sweep.Metric.EXACT_KL ? "exact KL to the target law" : "exact W₂ to the target law") + " (log)";
        } else if (check instanceof TheoremCard.DiscreteSlope) {
            return "KL(N) − KL(exact reverse) (log)";
        } else if (check instanceof TheoremCard.PicardRounds c) {
            return "W₂ to K = " + c.reference() + " (log)";
        }
        return "E[1/p(c|Y)]";
    }

    private static Color brighter(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    private static void extend(double[] range, double v) {
        if (Double.isFinite(v)) {
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
        }
    }
}
