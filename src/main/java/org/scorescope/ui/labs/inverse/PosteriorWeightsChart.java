package org.scorescope.ui.labs.inverse;

import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.engine.Frame;
import org.scorescope.metrics.PosteriorMetrics;
import org.scorescope.ui.lab.ChartInput;
import org.scorescope.ui.lab.ChartStyle;
import org.scorescope.ui.lab.LabChart;
import org.scorescope.ui.lab.RunView;

/**
 * The posterior's component weights (issue 15, must-show 3's second half, live): for every
 * component of p(x₀ | y) that holds mass, its exact weight π'_k (grey) beside the mass m̂_k each
 * sampler puts on it at the displayed step (the mean responsibility of the component of the
 * posterior noised to that level, over the stored particles). Components below 0.5% everywhere are
 * left out. Its tab shows only for scenarios with an observation. Computed and drawn on the chart lane.
 */
final class PosteriorWeightsChart implements LabChart {
    /** Components whose exact weight and sampled masses are all below this are not shown. */
    static final double SHOWN = 0.005;

    @Override
    public String title() {
        return "Posterior weights";
    }

    /** Only with an observation: without one there is no posterior to weigh. */
    @Override
    public boolean appliesTo(org.scorescope.scenario.Scenario scenario) {
        return scenario.observation() != null;
    }

    @Override
    public JFreeChart create() {
        JFreeChart c = ChartFactory.createBarChart(null, null, "mass", new DefaultCategoryDataset(),
                PlotOrientation.VERTICAL, true, false, false);
        ChartStyle.style(c);
        CategoryPlot p = c.getCategoryPlot();
        p.setBackgroundPaint(ChartStyle.PLOT);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        p.setOutlinePaint(ChartStyle.GRID);
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.04);
        axis(p.getDomainAxis());
        axis(p.getRangeAxis());
        return c;
    }

    private static void axis(CategoryAxis a) {
        a.setLabelPaint(ChartStyle.TEXT);
        a.setTickLabelPaint(ChartStyle.TEXT);
        a.setAxisLinePaint(ChartStyle.GRID);
    }

    private static void axis(ValueAxis a) {
        a.setLabelPaint(ChartStyle.TEXT);
        a.setTickLabelPaint(ChartStyle.TEXT);
        a.setAxisLinePaint(ChartStyle.GRID);
    }

    @Override
    public void update(JFreeChart chart, ChartInput in) {
        CategoryPlot p = chart.getCategoryPlot();
        DefaultCategoryDataset data = (DefaultCategoryDataset) p.getDataset();
        data.clear();
        RunView run = in.run();
        if (run == null || run.scenario().observation() == null || !(run.target() instanceof GaussianMixture post)) {
            p.setNoDataMessage("Choose an observation (Inverse problems section) to compare the posterior's weights");
            p.setNoDataMessagePaint(ChartStyle.TEXT);
            return;
        }
        Frame f = run.frameAt(in.step());
        int k = post.components();
        int samplers = f == null ? 0 : f.samplers().size();
        double[][] masses = new double[samplers][];
        for (int s = 0; s < samplers; s++) {
            masses[s] = masses(post, f.samplers().get(s), f.abar());
        }
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setSeriesPaint(0, new Color(0x9A9AA8));
        for (int s = 0; s < samplers; s++) {
            r.setSeriesPaint(s + 1, ChartStyle.color(s));
        }
        for (int c = 0; c < k; c++) {
            boolean shown = post.weight(c) >= SHOWN;
            for (int s = 0; s < samplers && !shown; s++) {
                shown = masses[s][c] >= SHOWN;
            }
            if (!shown) {
                continue;
            }
            double[] m = post.mean(c);
            String column = String.format(java.util.Locale.ROOT, "k=%d at (%.1f, %.1f)", c, m[0] + 0.0, m.length > 1 ? m[1] + 0.0 : 0.0);
            data.addValue(post.weight(c), "exact π'", column);
            for (int s = 0; s < samplers; s++) {
                data.addValue(masses[s][c], series(run, s), column);
            }
        }
    }

    /** A sampler's legend entry: its slot number and its id without parameters (the panels show them in full). */
    static String series(RunView run, int slot) {
        String label = run.labels().get(slot);
        int colon = label.indexOf(':');
        return (slot + 1) + " " + (colon > 0 ? label.substring(0, colon) : label);
    }

    /** m̂_k of one sampler's stored particles at the frame's level. */
    static double[] masses(GaussianMixture post, Frame.SamplerFrame sf, double abar) {
        float[][] pos = sf.positions();
        int n = sf.stored();
        if (pos.length != post.dim()) {
            double[] none = new double[post.components()];
            java.util.Arrays.fill(none, Double.NaN);
            return none;
        }
        double[][] x = new double[pos.length][n];
        for (int a = 0; a < pos.length; a++) {
            for (int i = 0; i < n; i++) {
                x[a][i] = pos[a][i];
            }
        }
        return PosteriorMetrics.componentMasses(post, x, n, abar);
    }
}
