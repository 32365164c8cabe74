package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.scorescope.metrics.RunMetrics;
import org.scorescope.ui.lab.LabMetric;
import org.scorescope.ui.model.SamplerStatus;
import org.scorescope.ui.model.SessionModel;

/**
 * "Summary": per sampler, TV, exact W2 and KL (single-Gaussian targets) now and at the end, NFE,
 * diverged particles, its own compute time, the theory's order for each of these metrics (kind and
 * source on hover), notes (where it left the target's scale, parallel rounds
 * of a Picard sampler), and every lab metric now; copies as tab-separated text.
 * Also the TV settings: bins per axis and the box (the target's, or the current view).
 */
final class SummaryTab extends BorderPane {
    /** The fixed columns, before the lab metrics. */
    static final List<String> COLUMNS = List.of("sampler", "TV now", "TV end", "W2 now", "W2 end", "KL now", "KL end", "NFE",
            "diverged", "compute s", "theory order", "notes");

    /**
     * One line of the table.
     *
     * @param cells the cells in column order
     * @param detail the hover text: the theory's order per metric with its kind and source
     */
    record Row(List<String> cells, String detail) {
        String cell(String column, List<String> header) {
            return cells.get(header.indexOf(column));
        }
    }

    final TableView<Row> table = new TableView<>();
    final Spinner<Integer> bins = new Spinner<>(4, 256, 24);
    final Button boxFromView = new Button("TV box = current view");
    final Button boxReset = new Button("TV box = target's box");
    final Label boxLabel = new Label();
    private final List<String> header = new ArrayList<>(COLUMNS);
    private final List<LabMetric> labMetrics;
    private boolean settingBins;

    SummaryTab(SessionModel model, List<LabMetric> labMetrics) {
        this.labMetrics = List.copyOf(labMetrics);
        for (LabMetric m : labMetrics) {
            header.add(m.name() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")"));
        }
        table.setId("summary-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null || item.detail().isEmpty() ? null : new javafx.scene.control.Tooltip(item.detail()));
            }
        });
        for (int i = 0; i < header.size(); i++) {
            int col = i;
            TableColumn<Row, String> c = new TableColumn<>(header.get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().cells().get(col)));
            table.getColumns().add(c);
        }
        Button copy = new Button("Copy as text");
        copy.setId("copy-summary");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text());
            Clipboard.getSystemClipboard().setContent(c);
        });
        bins.setId("bins");
        bins.setEditable(true);
        bins.setPrefWidth(80);
        bins.valueProperty().addListener((o, a, b) -> {
            if (!settingBins && b != null) {
                model.bins.set(b);
            }
        });
        boxFromView.setId("tv-box-view");
        boxReset.setId("tv-box-reset");
        boxLabel.setId("tv-box");
        boxLabel.getStyleClass().add("hint");
        FlowPane top = new FlowPane(10, 4, copy, new Label("bins per axis (4–256; more bins raise the noise floor):"), bins,
                boxFromView, boxReset, boxLabel);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 8, 4, 8));
        setTop(top);
        setCenter(table);
    }

    /** Shows the bins and box of a new run. */
    void showBinning(org.scorescope.metrics.Binning b, boolean fromView) {
        settingBins = true;
        bins.getValueFactory().setValue(b.bins()[0]);
        settingBins = false;
        boxLabel.setText(String.format("box [%.2f, %.2f] × [%.2f, %.2f]%s", b.lo()[0], b.hi()[0], b.dim() > 1 ? b.lo()[1] : 0,
                b.dim() > 1 ? b.hi()[1] : 0, fromView ? " (view)" : " (target)"));
    }

    /** Fills the table. */
    void show(RunMetrics.Snapshot s, List<String> labels, List<SamplerStatus> status, double[][][] lab, int step) {
        table.getItems().setAll(rows(s, labels, status, lab, step));
    }

    /** The column titles. */
    List<String> header() {
        return header;
    }

    /** The table as tab-separated text with a header line. */
    String text() {
        StringBuilder b = new StringBuilder(String.join("\t", header)).append('\n');
        for (Row r : table.getItems()) {
            b.append(String.join("\t", r.cells())).append('\n');
        }
        return b.toString();
    }

    private List<Row> rows(RunMetrics.Snapshot s, List<String> labels, List<SamplerStatus> status, double[][][] lab, int step) {
        List<Row> rows = new ArrayList<>();
        int now = Math.max(step, s.lowest());
        for (int k = 0; k < s.tv().length; k++) {
            List<String> c = new ArrayList<>(List.of(k < labels.size() ? labels.get(k) : "sampler " + k, fmt(s.tv()[k][now]),
                    fmt(s.tv()[k][0]), s.w2() == null ? "–" : fmt(s.w2()[k][now]), s.w2() == null ? "–" : fmt(s.w2()[k][0]),
                    s.kl() == null ? "–" : fmt(s.kl()[k][now]), s.kl() == null ? "–" : fmt(s.kl()[k][0]),
                    Long.toString(s.nfe()[k][now]), Integer.toString(s.diverged()[k][now]),
                    k < status.size() ? String.format(java.util.Locale.ROOT, "%.3g", status.get(k).seconds()) : "–",
                    k < status.size() ? theory(status.get(k)) : "", k < status.size() ? notes(status.get(k)) : ""));
            for (int m = 0; m < labMetrics.size(); m++) {
                c.add(lab == null ? "–" : fmt(lab[m][k][now]));
            }
            rows.add(new Row(List.copyOf(c), k < status.size() ? theoryDetail(status.get(k)) : ""));
        }
        return rows;
    }

    /** The theory's orders in short ("TV 1 · W2 1 · KL 2"; "–" where no theorem covers the case). */
    static String theory(SamplerStatus st) {
        StringBuilder b = new StringBuilder();
        st.flags().forEach((k, v) -> {
            if (k.startsWith("theory order ")) {
                b.append(b.length() == 0 ? "" : " · ").append(k.substring("theory order ".length())).append(' ')
                        .append(v.substring(0, v.indexOf(" (")));
            }
        });
        return b.toString();
    }

    /** The theory's orders in full, one metric a line, with kind and source (the row's hover text). */
    static String theoryDetail(SamplerStatus st) {
        StringBuilder b = new StringBuilder();
        st.flags().forEach((k, v) -> {
            if (k.startsWith("theory order ")) {
                b.append(b.length() == 0 ? "" : "\n").append(k).append(": ").append(v);
            }
        });
        return b.toString();
    }

    /** The sampler's flags ("diverged: …", "parallel rounds: 12"), for the notes column. */
    private static String notes(SamplerStatus st) {
        StringBuilder b = new StringBuilder();
        st.flags().forEach((k, v) -> {
            if (!k.startsWith("theory order ") && (!k.equals("diverged") || !v.endsWith("particles"))) {
                b.append(b.length() == 0 ? "" : "; ").append(k).append(": ").append(v);
            }
        });
        return b.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
