package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.scorescope.render.Viewport;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.present.PresenterBadge;

/**
 * The panels, one per sampler, in the chosen arrangement (auto: up to three in a row, then two rows;
 * or one row, or one column), or only the focused one. Scroll zooms and drag pans all panels
 * together (the session's view box); the mouse position goes to {@code onHover} (world coordinates,
 * or null), never into a redraw. The presenter's tools (pen, pointer, pick, freeze) act through
 * {@link PanelPresenter}; a badge in the bottom right corner names those that are on.
 */
final class PanelGrid extends GridPane {
    private final SessionModel model;
    private final Supplier<RunView> run;
    private final Consumer<double[]> onHover;
    private final List<PanelView> panels = new ArrayList<>();
    private final PanelPresenter presenter;
    private final PresenterBadge badge;
    private double dragX;
    private double dragY;

    PanelGrid(SessionModel model, Supplier<RunView> run, Consumer<double[]> onHover) {
        this.model = model;
        this.run = run;
        this.onHover = onHover;
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        getStyleClass().add("view-area");
        setId("panel-grid");
        model.focus.addListener((o, a, b) -> arrange());
        model.layout.addListener((o, a, b) -> arrange());
        model.presentation.addListener((o, a, b) -> panels.forEach(p -> p.setCompact(b)));
        presenter = new PanelPresenter(model, run, this);
        badge = new PresenterBadge(model);
        badge.setManaged(false);
        // unmanaged: the grid places it (bottom right) whenever its text changes
        badge.textProperty().addListener(o -> requestLayout());
    }

    /** The presenter's tools on these panels. */
    PanelPresenter presenter() {
        return presenter;
    }

    /** The panel views, by slot. */
    List<PanelView> panels() {
        return panels;
    }

    /** Makes one panel per sampler (when the number changed) and sets their hover citations. */
    void setSamplers(List<String> ids, List<java.util.Map<String, Double>> params) {
        if (panels.size() != ids.size()) {
            panels.clear();
            for (int i = 0; i < ids.size(); i++) {
                PanelView p = new PanelView(i);
                p.setCompact(model.presentation.get());
                installMouse(p);
                presenter.adopt(p);
                panels.add(p);
            }
            // the ghost was the old panels' picture
            model.frozen.set(false);
            arrange();
        }
        for (int i = 0; i < ids.size(); i++) {
            panels.get(i).setCitation(Citations.of(ids.get(i), params.get(i)));
        }
    }

    /** The panels shown now: all, or only the focused one. */
    List<PanelView> shown() {
        int focus = model.focus.get();
        return focus >= 0 && focus < panels.size() ? List.of(panels.get(focus)) : panels;
    }

    private void arrange() {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        List<PanelView> shown = shown();
        int[] grid = model.layout.get().grid(shown.size());
        int cols = grid[0];
        int rows = grid[1];
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < shown.size(); i++) {
            add(shown.get(i), i % cols, i / cols);
        }
        getChildren().add(badge);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        badge.applyCss();
        badge.autosize();
        badge.relocate(getWidth() - badge.getWidth() - 14, getHeight() - badge.getHeight() - 12);
    }

    /** The viewport of the first shown panel at the window's output scale, or null before layout. */
    Viewport viewport(double scale) {
        List<PanelView> shown = shown();
        return shown.isEmpty() ? null : viewport(shown.get(0), scale);
    }

    /** The viewport of panel p at the given output scale, or null before layout. */
    Viewport viewport(PanelView p, double scale) {
        double[] box = model.viewBox.get();
        if (box == null || p.getWidth() < 2) {
            return null;
        }
        int w = p.pixelWidth(scale);
        int h = p.pixelHeight(scale);
        RunView c = run.get();
        if (c != null && c.oneDimensional()) {
            return new Viewport(0, 1, box[2], box[3], w, h);
        }
        return Viewport.fit(new double[] {box[0], box[2]}, new double[] {box[1], box[3]}, w, h);
    }

    /** Device pixels per node pixel of the window. */
    double outputScale() {
        return getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
    }

    private void setBox(Viewport v) {
        RunView c = run.get();
        model.viewBox.set(c != null && c.oneDimensional() ? new double[] {0, 1, v.y0(), v.y1()} : new double[] {v.x0(), v.x1(), v.y0(), v.y1()});
    }

    private void installMouse(PanelView p) {
        p.setOnScroll(e -> {
            Viewport v = viewport(p, outputScale());
            if (v != null && e.getDeltaY() != 0) {
                setBox(v.zoomed(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX() * outputScale(), e.getY() * outputScale()));
            }
        });
        p.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            p.requestFocus();
            presenter.press(p, e);
        });
        p.setOnMouseReleased(e -> presenter.release(p, e));
        p.setOnMouseClicked(e -> presenter.click(p, e));
        p.setOnMouseDragged(e -> {
            if (presenter.drag(p, e)) {
                return;
            }
            Viewport v = viewport(p, outputScale());
            if (v != null) {
                setBox(v.panned((e.getX() - dragX) * outputScale(), (e.getY() - dragY) * outputScale()));
                dragX = e.getX();
                dragY = e.getY();
            }
        });
        p.setOnMouseMoved(e -> {
            presenter.pointer(p, e);
            Viewport v = viewport(p, outputScale());
            if (v != null) {
                onHover.accept(new double[] {v.wx(e.getX() * outputScale()), v.wy(e.getY() * outputScale())});
            }
        });
        p.setOnMouseExited(e -> {
            presenter.exit(p);
            onHover.accept(null);
        });
    }
}
