package org.scorescope.ui;

import java.awt.Color;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.ChartStyle;
import org.scorescope.ui.lab.FxImages;
import org.scorescope.ui.service.Lane;

/**
 * "Histograms": the focused sampler's marginal histograms (in its colour) against the exact
 * marginals (white), and its (empirical − exact) mass per 2D bin on a diverging colour scale with a
 * legend.
 */
final class HistogramTab extends HBox {
    private final ChartImage[] charts = new ChartImage[2];
    final ImageView difference = new ImageView();
    final Label differenceLabel = new Label();
    private final Label lowLabel = new Label();
    private final Label highLabel = new Label();
    private final VBox diffBox;

    HistogramTab(Lane lane) {
        super(6);
        for (int a = 0; a < 2; a++) {
            int axis = a;
            charts[a] = new ChartImage(lane, "hist-" + a, () -> create(axis));
            charts[a].setId("histogram-" + a);
            charts[a].setPrefWidth(400);
            HBox.setHgrow(charts[a], Priority.ALWAYS);
            getChildren().add(charts[a]);
        }
        difference.setId("difference-map");
        difference.setPreserveRatio(true);
        difference.setFitHeight(170);
        // The map takes the height the tab has (a short metrics pane at 1280×720 must still show the legend).
        heightProperty().addListener((o, a, h) -> difference.setFitHeight(Math.max(60, Math.min(240, h.doubleValue() - 70))));
        Region bar = new Region();
        bar.setId("difference-legend");
        bar.setStyle("-fx-background-color: " + DivergingScale.cssGradient() + "; -fx-border-color: #555;");
        bar.setPrefSize(110, 12);
        bar.setMinHeight(12);
        lowLabel.getStyleClass().add("hint");
        highLabel.getStyleClass().add("hint");
        lowLabel.setMinWidth(Label.USE_PREF_SIZE);
        highLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox legend = new HBox(4, lowLabel, bar, highLabel);
        legend.setAlignment(Pos.CENTER_LEFT);
        differenceLabel.getStyleClass().add("hint");
        differenceLabel.setWrapText(true);
        differenceLabel.setMaxWidth(260);
        diffBox = new VBox(4, new StackPane(difference), legend, differenceLabel);
        diffBox.setPadding(new Insets(4));
        diffBox.setMinWidth(260);
        diffBox.setMaxWidth(270);
        getChildren().add(diffBox);
    }

    private static JFreeChart create(int axis) {
        JFreeChart c = ChartFactory.createXYLineChart(null, "x" + axis, "mass per bin", new XYSeriesCollection(),
                PlotOrientation.VERTICAL, true, false, false);
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(1, Color.WHITE);
        step.setSeriesStroke(0, ChartStyle.stroke(2));
        step.setSeriesStroke(1, ChartStyle.stroke(1.3));
        c.getXYPlot().setRenderer(step);
        ChartStyle.style(c);
        return c;
    }

    /** Draws the marginals of a rendered scene (charts on the lane; the map here, one bulk copy). */
    void show(RenderedScene.Marginals m) {
        if (m == null) {
            return;
        }
        for (int a = 0; a < 2; a++) {
            int axis = a;
            charts[a].update(c -> draw(c, m, axis));
        }
        diffBox.setVisible(m.difference() != null);
        if (m.difference() != null) {
            difference.setImage(FxImages.of(m.difference()));
            lowLabel.setText(String.format("−%.2g", m.differenceScale()));
            highLabel.setText(String.format("+%.2g", m.differenceScale()));
            differenceLabel.setText(m.label() + ": (empirical − exact) mass per bin; blue too few, orange too many");
            differenceLabel.setTooltip(new javafx.scene.control.Tooltip("The colour saturates at the 95th percentile of |difference| over "
                    + "the bins, ±" + String.format("%.3g", m.differenceScale())));
        }
    }

    private static void draw(JFreeChart c, RenderedScene.Marginals m, int axis) {
        XYSeriesCollection data = (XYSeriesCollection) c.getXYPlot().getDataset();
        data.removeAllSeries();
        ((XYStepRenderer) c.getXYPlot().getRenderer()).setSeriesPaint(0, ChartStyle.color(m.slot()));
        if (axis >= m.empirical().length) {
            return;
        }
        XYSeries emp = new XYSeries(m.label() + " (particles)", false, true);
        XYSeries exact = new XYSeries("exact X(ᾱ_t)", false, true);
        double[] edges = m.edges()[axis];
        for (int i = 0; i < m.empirical()[axis].length; i++) {
            emp.add(edges[i], m.empirical()[axis][i], false);
            exact.add(edges[i], m.exact()[axis][i], false);
        }
        data.addSeries(emp);
        data.addSeries(exact);
    }

    /** Swaps in finished chart images (FX thread). */
    void poll() {
        charts[0].poll();
        charts[1].poll();
    }
}
