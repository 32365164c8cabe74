package org.scorescope.ui;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.scorescope.ui.model.SessionModel;

/**
 * The View menu of the control column: type size (larger, smaller, default — the same as Ctrl+=,
 * Ctrl+−, Ctrl+0; {@link UiScale}), the metrics pane (M) and presentation mode (F11). The keys are
 * written in the items; the scene's key filter ({@link Shortcuts}) acts on them.
 */
final class ViewMenu extends MenuButton {
    final MenuItem larger = new MenuItem("Larger text\tCtrl+=");
    final MenuItem smaller = new MenuItem("Smaller text\tCtrl+−");
    final MenuItem reset = new MenuItem("Default text size\tCtrl+0");

    ViewMenu(UiScale scale, SessionModel model) {
        super("View");
        setId("view-menu");
        setTooltip(new Tooltip("Type size (Ctrl+= / Ctrl+− / Ctrl+0), metrics, presentation mode"));
        larger.setId("view-larger");
        smaller.setId("view-smaller");
        reset.setId("view-reset");
        larger.setOnAction(e -> scale.larger());
        smaller.setOnAction(e -> scale.smaller());
        reset.setOnAction(e -> scale.reset());
        MenuItem size = new MenuItem();
        size.setDisable(true);
        scale.factorProperty().addListener((o, a, b) -> size.setText(label(b.doubleValue())));
        size.setText(label(scale.factor()));
        CheckMenuItem metrics = new CheckMenuItem("Metrics\tM");
        metrics.setId("view-metrics");
        metrics.selectedProperty().bindBidirectional(model.metricsShown);
        MenuItem presentation = new MenuItem("Presentation mode\tF11");
        presentation.setId("view-presentation");
        presentation.setOnAction(e -> model.presentation.set(true));
        getItems().addAll(size, larger, smaller, reset, new SeparatorMenuItem(), metrics, presentation);
    }

    private static String label(double factor) {
        return String.format(java.util.Locale.ROOT, "Text size: %.0f %%", factor * 100);
    }
}
