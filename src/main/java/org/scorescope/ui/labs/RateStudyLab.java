package org.scorescope.ui.labs;

import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabContext;

/**
 * The rate study as a lab: error against NFE on log–log axes for any samplers, through the CLI's
 * sweep, in its own window. Its section in the control column opens the window;
 * {@code --lab rate-study:TARGET[:T,T,…[:sampler,…]]} (or {@code --rate-study …}) opens it and runs.
 */
public final class RateStudyLab implements Lab {
    private LabContext context;
    private RateStudyWindow window;

    @Override
    public String id() {
        return "rate-study";
    }

    @Override
    public String title() {
        return "Rate study";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
    }

    @Override
    public Optional<Node> controlPane() {
        Button open = new Button("Rate study…");
        open.setId("open-rate-study");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> open());
        Label hint = new Label("error against NFE on log–log axes, fitted orders beside the theory's");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return Optional.of(new VBox(4, open, hint));
    }

    /** Opens (or brings forward) the rate-study window. */
    RateStudyWindow open() {
        if (window == null || !window.stage.isShowing()) {
            window = new RateStudyWindow(context);
        }
        window.show();
        return window;
    }

    @Override
    public void launch(String argument) {
        if (argument.isBlank()) {
            open();
            return;
        }
        String[] parts = argument.split(":");
        RateStudyWindow w = open();
        w.target.setValue(parts[0]);
        if (parts.length > 1) {
            w.steps.setText(parts[1]);
        }
        if (parts.length > 2) {
            Set<String> chosen = Set.of(parts[2].split(","));
            w.samplers.forEach((id, box) -> box.setSelected(chosen.contains(id)));
        }
        w.start();
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
        }
    }
}
