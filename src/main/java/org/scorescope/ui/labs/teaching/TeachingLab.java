package org.scorescope.ui.labs.teaching;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabContext;

/**
 * The teaching lab (issue 18): opens the anatomy-of-a-step window (labelled arrows per term,
 * sub-steps with N / P, the equation with this step's coefficients). {@code --lab teaching[:PARTICLE]}
 * opens it on a particle.
 */
public final class TeachingLab implements Lab {
    private LabContext context;
    private AnatomyWindow window;

    @Override
    public String id() {
        return "teaching";
    }

    @Override
    public String title() {
        return "Teaching";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
        // a particle picked on the panels (Shift+click) opens its anatomy; an open window follows the pick itself
        context.session().pick.addListener((o, a, b) -> {
            if (b != null && (window == null || !window.stage.isShowing())) {
                open();
                context.owner().requestFocus(); // the keys stay with the panels: ← / → step both windows
            }
        });
    }

    @Override
    public Optional<Node> controlPane() {
        Button open = new Button("Anatomy of a step…");
        open.setId("open-anatomy");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> open());
        Label hint = new Label("one particle's update as arrows, one per term of the equation, with this step's coefficients");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return Optional.of(new VBox(4, open, hint));
    }

    /** Opens (or brings forward) the anatomy window. */
    AnatomyWindow open() {
        if (window == null || !window.stage.isShowing()) {
            window = new AnatomyWindow(context);
        }
        window.show();
        return window;
    }

    @Override
    public void launch(String argument) {
        AnatomyWindow w = open();
        if (!argument.isBlank()) {
            try {
                w.particle.getValueFactory().setValue(Integer.parseInt(argument.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lab teaching:PARTICLE takes a particle index, was '" + argument + "'");
            }
        }
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
        }
    }
}
