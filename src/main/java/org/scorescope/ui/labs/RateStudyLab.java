package org.scorescope.ui.labs;

import java.util.Optional;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabContext;

/**
 * The rate study as a lab: error against NFE on log–log axes for any samplers, through the CLI's
 * sweep, in its own window. Its section in the control column opens the window;
 * {@code --lab rate-study:TARGET[:T,T,…[:sampler,…]]} (or {@code --rate-study …}) opens it and runs; a
 * sampler may carry parameters ({@code lagrange:K=3}), each a curve of its own. A trailing
 * {@code :TYPE=SIZE,SIZE,…} ({@code rate-study:gaussian:999:ddpm,ddim:bias=0.03,0.1,0.3}) studies the
 * error against the size of a score error of that type instead, one curve per sampler and T.
 */
public final class RateStudyLab implements Lab {
    /** A trailing {@code :TYPE=SIZE,SIZE,…}: the study against the score error's size. */
    private static final java.util.regex.Pattern ERRORS = java.util.regex.Pattern.compile("(.*):(bias|scale|field|noise-level)=([0-9.,eE+\\- ]+)");

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
        java.util.regex.Matcher eps = ERRORS.matcher(argument);
        if (eps.matches()) {
            argument = eps.group(1);
        }
        String[] parts = argument.split(":", 3);
        RateStudyWindow w = open();
        if (eps.matches()) {
            w.axis.setValue(RateStudyWindow.AXIS_EPS);
            w.errorType.setValue(eps.group(2));
            w.sizes.setText(eps.group(3));
        }
        w.target.setValue(parts[0]);
        if (parts.length > 1) {
            w.steps.setText(parts[1]);
        }
        if (parts.length > 2) {
            // Ids with parameters keep their colons: lagrange:K=3,ddim is two samplers.
            List<String> chosen = org.scorescope.sampler.SamplerId.parseList(List.of(parts[2].split(","))).stream()
                    .map(Object::toString).toList();
            w.samplers.forEach((id, box) -> box.setSelected(chosen.contains(id)));
            w.moreSamplers.setText(String.join(", ", chosen.stream().filter(id -> !w.samplers.containsKey(id)).toList()));
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
