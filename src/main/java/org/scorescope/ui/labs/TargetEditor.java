package org.scorescope.ui.labs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.scorescope.render.ColorMap;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;
import org.scorescope.scenario.Scenario;
import org.scorescope.distribution.Target;
import org.scorescope.ui.lab.FxImages;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.Lane;

/**
 * Draw a target with a closed-form score (issue 7): add Gaussian components (click in "Gaussian"
 * mode), move them (drag the centre), shape each covariance by dragging the two axis handles of its
 * 2-sd ellipse, set the selected component's weight, delete it (Delete key or button); or add
 * uniform boxes (drag a rectangle in "Box" mode); both kinds mix in one exact target.
 * The exact density at γ = 0.99 is previewed live, computed on a lane of the window's executor
 * (only the newest drawing is computed). "Use this target" makes it the run's explicit target, saved
 * with the scenario (the old title and paragraph are dropped: they described another target).
 */
final class TargetEditor {
    static final int SIZE = 520;
    final Stage stage = new Stage();
    final Canvas canvas = new Canvas(SIZE, SIZE);
    private final ImageView preview = new ImageView();
    final List<Component> components = new ArrayList<>();
    final ToggleButton gaussianMode = new ToggleButton("Gaussian");
    final ToggleButton boxMode = new ToggleButton("Box");
    final Spinner<Double> weight = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.01, 100, 1, 0.1));
    final Button use = new Button("Use this target");
    final Label message = new Label();
    private final Viewport view = Viewport.fit(new double[] {-6, -6}, new double[] {6, 6}, SIZE, SIZE);
    private final Lane previewLane;
    private final LabContext context;
    private final AtomicLong version = new AtomicLong();
    private int selected = -1;
    private String dragging;
    private double[] boxStart;

    /**
     * A component: a Gaussian (mean, principal axes a ≥ 0 along angle θ and b across) or a box.
     */
    static final class Component {
        boolean box;
        double x;
        double y;
        double sdMajor = 0.6;
        double sdMinor = 0.3;
        double angle;
        double x1;
        double y1;
        double weight = 1;

        double[][] covariance() {
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double l1 = sdMajor * sdMajor;
            double l2 = sdMinor * sdMinor;
            return new double[][] {{l1 * c * c + l2 * s * s, (l1 - l2) * c * s}, {(l1 - l2) * c * s, l1 * s * s + l2 * c * c}};
        }
    }

    TargetEditor(LabContext context) {
        this.context = context;
        this.previewLane = context.executor().lane("editor-preview");
        stage.setTitle("ScoreScope — target editor");
        stage.initOwner(context.owner());
        ToggleGroup mode = new ToggleGroup();
        gaussianMode.setToggleGroup(mode);
        boxMode.setToggleGroup(mode);
        gaussianMode.setSelected(true);
        gaussianMode.setId("editor-gaussian");
        boxMode.setId("editor-box");
        canvas.setId("editor-canvas");
        weight.setId("editor-weight");
        weight.setEditable(true);
        weight.setPrefWidth(90);
        weight.valueProperty().addListener((o, a, b) -> {
            if (selected >= 0) {
                components.get(selected).weight = b;
                changed();
            }
        });
        Button delete = new Button("Delete");
        delete.setId("editor-delete");
        delete.setOnAction(e -> deleteSelected());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            components.clear();
            selected = -1;
            changed();
        });
        use.setId("editor-use");
        use.setOnAction(e -> {
            Scenario.TargetSpec spec = spec();
            if (spec == null) {
                message.setText("Add at least one component");
                return;
            }
            context.session().setExplicitTarget(spec);
            message.setText("in use: " + components.size() + " component(s)");
        });
        message.setId("editor-message");
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setFocusTraversable(true);
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                deleteSelected();
            }
        });
        preview.setFitWidth(SIZE);
        preview.setFitHeight(SIZE);
        StackPane board = new StackPane(preview, canvas);
        Label help = new Label("Gaussian mode: click to add, drag the centre to move, drag the two handles to shape the ellipse (2 sd). "
                + "Box mode: drag a rectangle. Select a component to set its weight; Delete removes it.");
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        HBox tools = new HBox(8, new Label("Add:"), gaussianMode, boxMode, delete, clear);
        HBox tools2 = new HBox(8, new Label("Weight of the selected component (0.01–100)"), weight, use);
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        tools2.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(6, tools, tools2, help, message);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(board);
        root.setTop(top);
        root.getStyleClass().add("root-pane");
        Scene scene = new Scene(root, SIZE + 120, SIZE + 170);
        context.style(scene);
        stage.setScene(scene);
        stage.setOnHidden(e -> previewLane.close());
        changed();
    }

    /** The explicit target the components describe, or null when there are none. */
    Scenario.TargetSpec spec() {
        if (components.isEmpty()) {
            return null;
        }
        int k = components.size();
        List<Component> gs = components.stream().filter(c -> !c.box).toList();
        List<Component> bs = components.stream().filter(c -> c.box).toList();
        double[] weights = new double[k];
        double[][] m = new double[gs.size()][];
        double[][][] s = new double[gs.size()][][];
        for (int i = 0; i < gs.size(); i++) {
            m[i] = new double[] {gs.get(i).x, gs.get(i).y};
            s[i] = gs.get(i).covariance();
            weights[i] = gs.get(i).weight;
        }
        double[][] lo = new double[bs.size()][];
        double[][] hi = new double[bs.size()][];
        for (int i = 0; i < bs.size(); i++) {
            Component c = bs.get(i);
            lo[i] = new double[] {Math.min(c.x, c.x1), Math.min(c.y, c.y1)};
            hi[i] = new double[] {Math.max(c.x, c.x1), Math.max(c.y, c.y1)};
            weights[gs.size() + i] = c.weight;
        }
        if (bs.isEmpty()) {
            return new Scenario.TargetSpec(null, "gaussian-mixture", weights, m, s, null, null, 0);
        }
        if (gs.isEmpty()) {
            return new Scenario.TargetSpec(null, "box-mixture", weights, null, null, lo, hi, 0);
        }
        return new Scenario.TargetSpec(null, "mixture", weights, m, s, lo, hi, 0);
    }

    private Target target() {
        Scenario.TargetSpec t = spec();
        if (t == null) {
            return null;
        }
        return org.scorescope.scenario.ScenarioBuilder.target(t);
    }

    /** Adds a Gaussian at a world point (what a click in Gaussian mode does). */
    void addGaussian(double x, double y) {
        Component c = new Component();
        c.x = x;
        c.y = y;
        components.add(c);
        select(components.size() - 1);
        changed();
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        double wx = view.wx(e.getX());
        double wy = view.wy(e.getY());
        int hit = -1;
        for (int i = components.size() - 1; i >= 0 && hit < 0; i--) {
            Component c = components.get(i);
            if (!c.box) {
                double[][] h = handles(c);
                if (near(e, h[0])) {
                    hit = i;
                    dragging = "major";
                } else if (near(e, h[1])) {
                    hit = i;
                    dragging = "minor";
                } else if (near(e, new double[] {view.px(c.x), view.py(c.y)})) {
                    hit = i;
                    dragging = "centre";
                }
            } else if (wx >= Math.min(c.x, c.x1) && wx <= Math.max(c.x, c.x1) && wy >= Math.min(c.y, c.y1) && wy <= Math.max(c.y, c.y1)) {
                hit = i;
                dragging = "box";
            }
        }
        if (hit >= 0) {
            select(hit);
            boxStart = new double[] {wx, wy};
            return;
        }
        if (boxMode.isSelected()) {
            Component c = new Component();
            c.box = true;
            c.x = wx;
            c.y = wy;
            c.x1 = wx;
            c.y1 = wy;
            components.add(c);
            select(components.size() - 1);
            dragging = "corner";
        } else {
            addGaussian(wx, wy);
            dragging = null;
        }
    }

    private void dragged(MouseEvent e) {
        if (selected < 0 || dragging == null) {
            return;
        }
        Component c = components.get(selected);
        double wx = view.wx(e.getX());
        double wy = view.wy(e.getY());
        switch (dragging) {
            case "centre" -> {
                c.x = wx;
                c.y = wy;
            }
            case "major" -> {
                c.angle = Math.atan2(wy - c.y, wx - c.x);
                c.sdMajor = Math.max(0.02, Math.hypot(wx - c.x, wy - c.y) / 2);
            }
            case "minor" -> c.sdMinor = Math.max(0.0, Math.abs(-(wx - c.x) * Math.sin(c.angle) + (wy - c.y) * Math.cos(c.angle)) / 2);
            case "corner" -> {
                c.x1 = wx;
                c.y1 = wy;
            }
            case "box" -> {
                double dx = wx - boxStart[0];
                double dy = wy - boxStart[1];
                c.x += dx;
                c.x1 += dx;
                c.y += dy;
                c.y1 += dy;
                boxStart = new double[] {wx, wy};
            }
            default -> {
                return;
            }
        }
        changed();
    }

    private void released(MouseEvent e) {
        if ("corner".equals(dragging) && selected >= 0) {
            Component c = components.get(selected);
            if (Math.abs(c.x1 - c.x) < 0.05 || Math.abs(c.y1 - c.y) < 0.05) {
                components.remove(selected);
                selected = -1;
                message.setText("Drag to draw a box");
                changed();
            }
        }
        dragging = null;
    }

    private void deleteSelected() {
        if (selected >= 0) {
            components.remove(selected);
            selected = -1;
            changed();
        }
    }

    private void select(int i) {
        selected = i;
        weight.getValueFactory().setValue(components.get(i).weight);
    }

    private boolean near(MouseEvent e, double[] p) {
        return Math.hypot(e.getX() - p[0], e.getY() - p[1]) < 8;
    }

    /** Pixel positions of the major and minor axis handles (at 2 sd). */
    private double[][] handles(Component c) {
        double mx = c.x + 2 * c.sdMajor * Math.cos(c.angle);
        double my = c.y + 2 * c.sdMajor * Math.sin(c.angle);
        double nx = c.x - 2 * c.sdMinor * Math.sin(c.angle);
        double ny = c.y + 2 * c.sdMinor * Math.cos(c.angle);
        return new double[][] {{view.px(mx), view.py(my)}, {view.px(nx), view.py(ny)}};
    }

    /** Redraws the few vector shapes now and the density preview on the preview thread. */
    private void changed() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, SIZE, SIZE);
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            g.setStroke(i == selected ? Color.web("#ff8c42") : Color.WHITE);
            g.setLineWidth(i == selected ? 2.5 : 1.5);
            if (c.box) {
                double x0 = view.px(Math.min(c.x, c.x1));
                double y0 = view.py(Math.max(c.y, c.y1));
                g.strokeRect(x0, y0, view.px(Math.max(c.x, c.x1)) - x0, view.py(Math.min(c.y, c.y1)) - y0);
                continue;
            }
            g.save();
            g.translate(view.px(c.x), view.py(c.y));
            g.rotate(-Math.toDegrees(c.angle));
            double rx = 2 * c.sdMajor / (view.x1() - view.x0()) * SIZE;
            double ry = 2 * c.sdMinor / (view.y1() - view.y0()) * SIZE;
            g.strokeOval(-rx, -ry, 2 * rx, 2 * ry);
            g.restore();
            double[][] h = handles(c);
            g.setFill(Color.web("#4cc9f0"));
            g.fillOval(h[0][0] - 5, h[0][1] - 5, 10, 10);
            g.fillOval(h[1][0] - 5, h[1][1] - 5, 10, 10);
            g.setFill(Color.WHITE);
            g.fillOval(view.px(c.x) - 4, view.py(c.y) - 4, 8, 8);
        }
        long v = version.incrementAndGet();
        Target t;
        try {
            t = target();
        } catch (IllegalArgumentException | org.scorescope.scenario.ScenarioException ex) {
            message.setText(ex.getMessage());
            return;
        }
        if (t == null) {
            preview.setImage(null);
            return;
        }
        previewLane.latest("preview", () -> {
            Raster r = new Raster(SIZE, SIZE, PanelRenderer.BACKGROUND);
            DensityGrid.of(t, 0.99, view).paint(r, ColorMap.VIRIDIS, 0.8);
            context.executor().ui().run(() -> {
                if (version.get() == v) {
                    preview.setImage(FxImages.of(r));
                }
            });
        });
    }

    /** Whether the preview shows the latest components (tests). */
    boolean previewShown() {
        return preview.getImage() != null;
    }
}
