package org.scorescope.ui.labs.guidance;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.LabMetric;

/**
 * The guidance lab (003 Part 4, "the mystery of guidance"; Theorem 9 of Jiao–Chen–Li '25): on a
 * target with classes, every sampler of the window runs on the exact guided score
 * ∇log p(x | c) + w ∇log p(c | x) (two evaluations per call, counted). Its section holds the class
 * picker and the w slider (the scenario's {@code guidance}, saved with it), the heat-map choice and
 * the buttons of its two windows: the same noise at up to four w ({@link CompareWindow}) and the w
 * study ({@link StudyWindow}). Its layers colour particles by the exact classifier's argmax and draw
 * the decision boundary, the guidance field and the three laws; its metrics follow E[1/p(c | Y)]
 * and E[p(c | Y)] through the run. {@code --lab guidance:compare} and {@code --lab guidance:study}
 * open a window and run it. The lecture "The mystery of guidance" ships in assets/scenarios.
 */
public final class GuidanceLab implements Lab {
    private final GuidanceLayers layers = new GuidanceLayers();
    private LabContext context;
    private GuidanceControls controls;
    private CompareWindow compare;
    private StudyWindow study;

    @Override
    public String id() {
        return "guidance";
    }

    @Override
    public String title() {
        return "Guidance (Theorem 9)";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
    }

    @Override
    public Optional<Node> controlPane() {
        controls = new GuidanceControls(context, this::openCompare, this::openStudy);
        return Optional.of(controls);
    }

    @Override
    public List<LabLayer> layers() {
        return layers.all();
    }

    @Override
    public List<LabMetric> metrics() {
        return GuidanceMetrics.all();
    }

    /** The controls (tests). */
    GuidanceControls controls() {
        return controls;
    }

    /** Opens (or brings forward) the w comparison. */
    CompareWindow openCompare() {
        if (compare == null || !compare.stage.isShowing()) {
            compare = new CompareWindow(context);
        }
        compare.show();
        return compare;
    }

    /** Opens (or brings forward) the w study. */
    StudyWindow openStudy() {
        if (study == null || !study.stage.isShowing()) {
            study = new StudyWindow(context);
        }
        study.show();
        return study;
    }

    @Override
    public void launch(String argument) {
        switch (argument.isBlank() ? "compare" : argument) {
            case "compare" -> openCompare().start();
            case "study" -> openStudy().start();
            default -> throw new IllegalArgumentException("--lab guidance: give 'compare' or 'study', was '" + argument + "'");
        }
    }

    @Override
    public void close() {
        if (compare != null) {
            compare.close();
        }
        if (study != null) {
            study.close();
        }
    }
}
