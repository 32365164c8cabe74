package org.scorescope.ui.labs.discrete;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.scorescope.discrete.DiscretePresets;
import org.scorescope.discrete.DiscreteRunner;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteScenarioJson;
import org.scorescope.scenario.LectureScenarios;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.LabLecture;

/**
 * Discrete diffusion as a lab (issue 17; 003 Part 6): CTMC forward processes on {@code [S]^d}, the
 * reverse samplers τ-leaping, Euler, exact CTMC and unmasking, every law exact. Its section opens
 * the discrete window; discrete scenario files opened in the main window (Open…, Recent, drag and
 * drop) and its lectures ({@code assets/scenarios/discrete/}) open there too;
 * {@code --lab discrete[:PRESET|:FILE.json]} and {@code --scenario FILE.json} with a discrete file open it and run.
 */
public final class DiscreteLab implements Lab {
    private LabContext context;
    private DiscreteWindow window;
    private DiscreteRunner runner;

    @Override
    public String id() {
        return "discrete";
    }

    @Override
    public String title() {
        return "Discrete diffusion";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
    }

    @Override
    public Optional<Node> controlPane() {
        Button open = new Button("Discrete diffusion…");
        open.setId("open-discrete");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> open().start());
        Label hint = new Label("uniform and masking CTMCs on finite states: heat map of q_t with particle counts, exact TV and KL");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return Optional.of(new VBox(4, open, hint));
    }

    /** Opens (or brings forward) the discrete window. */
    DiscreteWindow open() {
        if (runner == null) {
            runner = new DiscreteRunner(Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
        if (window == null || !window.stage.isShowing()) {
            window = new DiscreteWindow(context, runner);
        }
        window.show();
        return window;
    }

    /** Opens the window on a scenario and runs it. */
    DiscreteWindow open(DiscreteScenario s) {
        DiscreteWindow w = open();
        if (s.equals(w.model.scenario.get()) && w.model.result.get() != null) {
            w.start();
        } else {
            w.model.load(s);
            if (!w.running()) {
                w.start();
            }
        }
        return w;
    }

    @Override
    public boolean openFile(Path file) {
        if (!DiscreteScenarioJson.isDiscrete(file)) {
            return false;
        }
        open(DiscreteScenarioJson.read(file));
        return true;
    }

    @Override
    public List<LabLecture> ownLectures() {
        List<LabLecture> out = new ArrayList<>();
        for (LectureScenarios.LabLecture l : LectureScenarios.ofLab("discrete")) {
            DiscreteScenario s = DiscreteScenarioJson.parse(l.json(), null);
            out.add(new LabLecture(s.title(), s.description(), () -> open(s)));
        }
        return out;
    }

    @Override
    public void launch(String argument) {
        if (argument.isBlank()) {
            open().start();
        } else if (DiscretePresets.isPreset(argument)) {
            DiscreteWindow w = open();
            w.model.setTarget(argument);
            if (!w.running()) {
                w.start();
            }
        } else if (argument.endsWith(".json") || java.nio.file.Files.isRegularFile(Path.of(argument))) {
            try {
                open(DiscreteScenarioJson.read(Path.of(argument)));
            } catch (org.scorescope.scenario.ScenarioException e) {
                throw new IllegalArgumentException(argument + ": " + e.getMessage(), e);
            }
        } else {
            throw new IllegalArgumentException("give a preset (" + String.join(", ", DiscretePresets.ids()) + ") or a discrete scenario file");
        }
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
        }
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }
}
