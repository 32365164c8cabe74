package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.scorescope.metrics.RunMetrics;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.ChartInput;
import org.scorescope.ui.lab.LabChart;
import org.scorescope.ui.lab.LabMetric;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.DialogService;
import org.scorescope.ui.service.Lane;

/**
 * The metrics under the panels: TV over the run, histograms, the summary, then one tab per lab
 * chart that applies to the scenario ({@link LabChart#appliesTo}). Every chart is drawn on the chart lane; this pane only decides when (at most about three
 * times a second, and only when the run or the displayed step changed) and swaps images in.
 */
final class MetricsPane extends TabPane {
    private static final long CHART_PERIOD = 330_000_000L;
    final TvChartTab tv;
    final HistogramTab histograms;
    final SummaryTab summary;
    private final List<LabChart> labCharts;
    private final List<ChartImage> labImages = new ArrayList<>();
    private final List<Tab> labTabs = new ArrayList<>();
    private long lastUpdate;
    private RunMetrics.Snapshot shownSnapshot;
    private int shownStep = -1;
    private long shownRun = -1;

    MetricsPane(SessionModel model, Lane charts, DialogService dialogs, List<LabMetric> labMetrics, List<LabChart> labCharts) {
        setId("metrics");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        this.labCharts = List.copyOf(labCharts);
        tv = new TvChartTab(charts, dialogs);
        histograms = new HistogramTab(charts);
        summary = new SummaryTab(model, labMetrics);
        getTabs().addAll(new Tab("TV over the run", tv), new Tab("Histograms", histograms), new Tab("Summary", summary));
        for (int i = 0; i < labCharts.size(); i++) {
            LabChart c = labCharts.get(i);
            ChartImage image = new ChartImage(charts, "lab-" + i, c::create);
            image.setId("lab-chart-" + i);
            labImages.add(image);
            labTabs.add(new Tab(c.title(), image));
        }
        showApplicable(model.scenario());
        model.scenarioProperty().addListener((o, a, b) -> showApplicable(b));
        getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> shownSnapshot = null);
    }

    /** Shows the tabs of the lab charts that apply to the scenario, in their order. */
    private void showApplicable(org.scorescope.scenario.Scenario s) {
        List<Tab> wanted = new ArrayList<>();
        for (int i = 0; i < labCharts.size(); i++) {
            if (labCharts.get(i).appliesTo(s)) {
                wanted.add(labTabs.get(i));
            }
        }
        if (!getTabs().subList(3, getTabs().size()).equals(wanted)) {
            getTabs().remove(3, getTabs().size());
            getTabs().addAll(wanted);
        }
    }

    /** Whether the histogram tab is showing (the render lane computes marginals only then). */
    boolean histogramsShown() {
        return getSelectionModel().getSelectedIndex() == 1;
    }

    /**
     * Called every pulse: refreshes the visible tab when the run's metrics or the step changed, at
     * most about three times a second; swaps in finished chart images.
     */
    void pulse(long now, RunView run, int step, List<org.scorescope.ui.model.SamplerStatus> status) {
        tv.chart.poll();
        histograms.poll();
        labImages.forEach(ChartImage::poll);
        if (run == null || now - lastUpdate < CHART_PERIOD) {
            return;
        }
        RunMetrics.Snapshot s = run.metrics().latest();
        if (s == null || s.runId() != run.runId() || (s == shownSnapshot && step == shownStep && run.runId() == shownRun)) {
            return;
        }
        lastUpdate = now;
        shownSnapshot = s;
        shownStep = step;
        shownRun = run.runId();
        int tab = getSelectionModel().getSelectedIndex();
        double[][][] lab = run.labMetrics().latest();
        if (tab == 0) {
            tv.show(s, run.labels(), step);
        } else if (tab == 2) {
            summary.show(s, run.labels(), status, lab, step);
        } else if (tab >= 3) {
            int i = labTabs.indexOf(getSelectionModel().getSelectedItem());
            LabChart c = labCharts.get(i);
            ChartInput input = new ChartInput(run, s, lab, step);
            labImages.get(i).update(chart -> c.update(chart, input));
        }
    }

    /** Forgets what was drawn, so that the next pulse redraws (a new run, a resize). */
    void invalidate() {
        shownSnapshot = null;
        lastUpdate = 0;
    }

    /** Whether the TV chart has been drawn (tests). */
    boolean tvChartShown() {
        return tv.chart.shown();
    }

    /** Whether the lab chart of tab 3 + i (the i-th lab tab shown) has been drawn (tests). */
    boolean labChartShown(int i) {
        return labImages.get(labTabs.indexOf(getTabs().get(3 + i))).shown();
    }
}
