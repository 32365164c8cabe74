package org.scorescope.ui.labs.discrete;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scorescope.discrete.DiscreteRunner;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteSweep;
import org.scorescope.metrics.RateFit;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.ChartStyle;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.Failures;
import org.scorescope.ui.service.Job;

/**
 * The rate study of the window's scenario: exact KL(p_data ‖ p_out) against N on log–log axes for each
 * of its samplers (the CLI's {@code sweep --metric exact-kl}, {@link DiscreteSweep}, no Monte Carlo),
 * with the fitted log–log slope of each. Runs on the executor with progress and Cancel.
 */
final class DiscreteRateStudyPane extends BorderPane {
    final TextField steps = new TextField("4,8,16,32,64,128,256");
    final Button run = new Button("Run rate study");
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar(0);
    final Label message = new Label("exact KL of the output law for each N, with the window's target, process, T and samplers");
    final Label fits = new Label();
    final ChartImage chart;
    private final LabContext context;
    private final DiscreteRunner runner;
    private final DiscreteLabModel model;
    private volatile List<DiscreteSweep.Row> rows = List.of();
    private Job<List<DiscreteSweep.Row>> job;

    DiscreteRateStudyPane(LabContext context, DiscreteRunner runner, DiscreteLabModel model) {
        this.context = context;
        this.runner = runner;
        this.model = model;
        steps.setId("dd-rate-steps");
        steps.setPrefColumnCount(18);
        run.setId("dd-rate-run");
        cancel.setId("dd-rate-cancel");
        cancel.setDisable(true);
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> {
            if (job != null) {
                job.cancel();
            }
        });
        message.setId("dd-rate-message");
        message.setWrapText(true);
        message.getStyleClass().add("hint");
        fits.setId("dd-rate-fits");
        fits.setWrapText(true);
        chart = new ChartImage(context.executor().lane("discrete-rate-chart"), "rate", DiscreteRateStudyPane::create);
        chart.setId("dd-rate-chart");
        chart.pollContinuously();
        HBox form = new HBox(8, new Label("N list"), steps, run, cancel, progress);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, form, message);
        top.setPadding(new Insets(6));
        setTop(top);
        setCenter(chart);
        fits.setPadding(new Insets(4, 6, 6, 6));
        setBottom(fits);
    }

    /** The rows of the last study. */
    List<DiscreteSweep.Row> rows() {
        return rows;
    }

    /** Whether a study is running. */
    boolean running() {
        return job != null && job.runningProperty().get();
    }

    void start() {
        int[] ns;
        try {
            ns = java.util.Arrays.stream(steps.getText().split(",")).map(String::trim).mapToInt(Integer::parseInt).sorted().distinct()
                    .toArray();
            if (ns.length < 2 || ns[0] < 1 || ns[ns.length - 1] > 65536) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            message.setText("N list: give at least two whole numbers in 1..65536, separated by commas");
            return;
        }
        DiscreteScenario sc = model.scenario.get();
        int[] values = ns;
        run.setDisable(true);
        cancel.setDisable(false);
        message.setText("running exact-kl for N = " + steps.getText());
        job = context.executor().start(BackgroundTask.of("Discrete rate study", p -> {
            DiscreteSweep.Plan plan = new DiscreteSweep.Plan(sc, sc.buildSamplers(), values, null, null, DiscreteSweep.Metric.EXACT_KL, 1);
            int total = plan.samplers().size() * values.length;
            List<DiscreteSweep.Row> done = new ArrayList<>();
            return DiscreteSweep.run(plan, runner, r -> {
                done.add(r);
                p.update((double) done.size() / total, r.sampler() + " N = " + r.steps());
            }, p::isCancelled);
        }).showProgress().onSuccess(this::finish).onCancelled(() -> {
            message.setText("cancelled");
            idle();
        }).onFailure(e -> {
            message.setText("failed: " + Failures.oneLine(e));
            idle();
        }));
        progress.progressProperty().bind(job.progressProperty());
    }

    private void idle() {
        run.setDisable(false);
        cancel.setDisable(true);
    }

    private void finish(List<DiscreteSweep.Row> result) {
        rows = List.copyOf(result);
        idle();
        List<String> ids = result.stream().map(DiscreteSweep.Row::sampler).distinct().toList();
        List<String> lines = new ArrayList<>();
        for (String id : ids) {
            DiscreteSweep.Row any = result.stream().filter(r -> r.sampler().equals(id)).findFirst().orElseThrow();
            RateFit fit = DiscreteSweep.fit(result, id, any.states(), any.dims());
            lines.add(String.format(Locale.ROOT, "%s: log–log slope %s%s", id, Double.isNaN(fit.order()) ? "–" : String.format(Locale.ROOT,
                    "%.2f", -fit.order()), Double.isNaN(fit.halfWidth()) ? "" : String.format(Locale.ROOT, " ± %.2f", fit.halfWidth())));
        }
        fits.setText(String.join("    ", lines) + "    (Theorem 11: the Δ term alone gives −1; see docs/discrete.md)");
        message.setText("done: " + result.size() + " exact laws");
        List<DiscreteSweep.Row> r = rows;
        chart.update(c -> fill(c, r, ids));
    }

    private static JFreeChart create() {
        LogAxis x = new LogAxis("steps N (log)");
        x.setBase(2);
        x.setSmallestValue(1);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        LogAxis y = new LogAxis("exact KL(p_data ‖ p_out) (log)");
        y.setBase(10);
        y.setSmallestValue(1e-12);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        y.setMinorTickCount(9);
        y.setMinorTickMarksVisible(true);
        y.setNumberFormatOverride(new DiscreteRunChart.Decades());
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer(true, true));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.style(chart);
        return chart;
    }

    private static void fill(JFreeChart chart, List<DiscreteSweep.Row> rows, List<String> ids) {
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        data.removeAllSeries();
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int i = 0; i < ids.size(); i++) {
            XYSeries s = new XYSeries(ids.get(i));
            for (DiscreteSweep.Row r : rows) {
                if (r.sampler().equals(ids.get(i)) && r.value() > 0 && Double.isFinite(r.value())) {
                    s.add(r.steps(), r.value());
                }
            }
            data.addSeries(s);
            lines.setSeriesPaint(i, ChartStyle.color(i));
            lines.setSeriesStroke(i, ChartStyle.stroke(2));
        }
    }

    void close() {
        if (job != null) {
            job.cancel();
        }
    }
}
