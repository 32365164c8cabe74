package org.scorescope.ui;

import java.awt.Color;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.ChartInput;
import org.scorescope.ui.lab.ChartStyle;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabChart;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.LabMetric;
import org.scorescope.ui.lab.PanelCanvas;
import org.scorescope.ui.lab.ScenarioField;

/**
 * A trivial lab that uses every contribution of the extension point: a scenario field (T), a
 * button, a layer (a magenta square at the centre of every panel), a metric (the mean of x₀), a
 * chart of that metric, and a lecture. It lives in test code: the window shows it without any
 * change to a shell class.
 */
final class FixtureLab implements Lab {
    static final int MAGENTA = 0xFFFF00FF;
    int clicks;
    LabContext context;

    @Override
    public String id() {
        return "fixture";
    }

    @Override
    public String title() {
        return "Fixture lab";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
    }

    @Override
    public List<ScenarioField> scenarioFields() {
        return List.of(new ScenarioField("fixture-steps", "T through the lab (1–200)", ScenarioField.Kind.WHOLE, 1, 200, 1,
                Scenario::steps, (s, v) -> s.with(null, null, null, (int) Math.rint(v), null, null)));
    }

    @Override
    public Optional<Node> controlPane() {
        Button b = new Button("Fixture action");
        b.setId("fixture-button");
        b.setOnAction(e -> {
            clicks++;
            context.session().status.set("fixture clicked " + clicks);
        });
        return Optional.of(b);
    }

    @Override
    public List<LabLayer> layers() {
        return List.of(new LabLayer() {
            @Override
            public String id() {
                return "fixture-marker";
            }

            @Override
            public String label() {
                return "Fixture marker";
            }

            @Override
            public char key() {
                return 'X';
            }

            @Override
            public boolean initiallyOn() {
                return true;
            }

            @Override
            public void paint(PanelCanvas c) {
                int cx = c.raster().width / 2;
                int cy = c.raster().height / 2;
                for (int y = cy - 4; y <= cy + 4; y++) {
                    for (int x = cx - 4; x <= cx + 4; x++) {
                        c.raster().argb[y * c.raster().width + x] = MAGENTA;
                    }
                }
            }
        });
    }

    @Override
    public List<LabMetric> metrics() {
        return List.of(new LabMetric() {
            @Override
            public String id() {
                return "fixture.mean-x";
            }

            @Override
            public String name() {
                return "mean of x0";
            }

            @Override
            public String unit() {
                return "";
            }

            @Override
            public double measure(org.scorescope.engine.StepView step, int slot) {
                double[] sum = new double[1];
                step.forEachChunk(slot, (y, n) -> {
                    for (int i = 0; i < n; i++) {
                        sum[0] += y[0][i];
                    }
                });
                return sum[0] / step.spec().particles();
            }
        });
    }

    @Override
    public List<LabChart> charts() {
        return List.of(new LabChart() {
            @Override
            public String title() {
                return "Fixture chart";
            }

            @Override
            public JFreeChart create() {
                JFreeChart c = ChartFactory.createXYLineChart(null, "steps done", "mean of x0", new XYSeriesCollection(),
                        PlotOrientation.VERTICAL, true, false, false);
                ChartStyle.style(c);
                return c;
            }

            @Override
            public void update(JFreeChart chart, ChartInput in) {
                XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
                data.removeAllSeries();
                double[][] mean = in.labSeries("fixture.mean-x");
                for (int k = 0; mean != null && k < mean.length; k++) {
                    XYSeries s = new XYSeries(in.run().labels().get(k));
                    for (int t = in.run().steps(); t >= 0; t--) {
                        if (!Double.isNaN(mean[k][t])) {
                            s.add(in.run().steps() - t, mean[k][t]);
                        }
                    }
                    data.addSeries(s);
                    chart.getXYPlot().getRenderer().setSeriesPaint(k, ChartStyle.color(k));
                }
                chart.getXYPlot().setBackgroundPaint(new Color(0x101014));
            }
        });
    }

    @Override
    public List<Scenario> lectures() {
        return List.of(new Scenario("Fixture lecture", "A lecture a lab brings.", Scenario.TargetSpec.preset("moons"),
                Scenario.ScheduleSpec.of("linear"), List.of(Scenario.SamplerSpec.of("ddim")), 10, 5000, 3));
    }
}
