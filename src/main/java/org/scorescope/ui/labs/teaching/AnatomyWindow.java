package org.scorescope.ui.labs.teaching;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.scorescope.engine.ParticleTracer;
import org.scorescope.engine.RunSpec;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.sampler.StepAnatomy;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.ui.lab.FxImages;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.BackgroundTask;

/**
 * The anatomy of one step (issue 18), beside the main window: the chosen particle's update from Y_t
 * to Y_{t−1} at the window's step, as a chain of labelled arrows (one per term of the sampler's
 * equation, with its coefficient's value), stepped through with N / P, and the equation panel (the
 * update rule typeset, its source, order, NFE, and this step's coefficients). The particle's chunk
 * is replayed on the executor ({@link ParticleTracer}: bit for bit the run's own particle); the FX
 * thread only draws. It follows the particle picked on the main panels (the session's
 * {@code pick}: Shift+click, or a click in pick mode) and the step; choosing a sampler or particle
 * here moves the pick, so the ring on the panels marks the particle shown.
 */
final class AnatomyWindow {
    final Stage stage = new Stage();
    final ComboBox<String> sampler = new ComboBox<>();
    final Spinner<Integer> particle = new Spinner<>(0, Integer.MAX_VALUE, 0);
    final AnatomyView view = new AnatomyView(640, 560);
    final ImageView equation = new ImageView();
    final Label message = new Label();
    private final LabContext context;
    private TraceKey traced;
    private List<StepAnatomy> trace;
    private int requests;
    private boolean following;

    /** The trace in hand: which run, sampler and particle. */
    private record TraceKey(long runId, int slot, int particle) {
    }

    AnatomyWindow(LabContext context) {
        this.context = context;
        stage.setTitle("ScoreScope — anatomy of a step");
        stage.initOwner(context.owner());
        sampler.setId("anatomy-sampler");
        particle.setId("anatomy-particle");
        particle.setEditable(true);
        message.setId("anatomy-message");
        equation.setId("anatomy-equation");
        HBox top = new HBox(8, new Label("Sampler"), sampler, new Label("Particle"), particle, message);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        ScrollPane right = new ScrollPane(equation);
        right.setPrefWidth(540);
        BorderPane root = new BorderPane(view, top, right, null, null);
        root.getStyleClass().add("root-pane");
        Scene scene = new Scene(root, 1200, 620);
        context.style(scene);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.N) {
                view.step(1);
                e.consume();
            } else if (e.getCode() == KeyCode.P) {
                view.step(-1);
                e.consume();
            }
        });
        stage.setScene(scene);
        sampler.valueProperty().addListener((o, a, b) -> chosen());
        particle.valueProperty().addListener((o, a, b) -> chosen());
        context.session().pick.addListener((o, a, b) -> follow(b));
        context.session().step.addListener((o, a, b) -> refresh());
        context.run().addListener((o, a, b) -> {
            fillSamplers();
            refresh();
        });
        fillSamplers();
        follow(context.session().pick.get());
    }

    /** Shows the picked particle (nothing when it is shown already). */
    private void follow(SessionModel.Pick pick) {
        RunView run = context.run().get();
        if (pick == null || run == null || pick.slot() >= run.labels().size()) {
            return;
        }
        String label = run.labels().get(pick.slot());
        if (label.equals(sampler.getValue()) && particle.getValue() == pick.particle()) {
            return;
        }
        following = true;
        try {
            sampler.setValue(label);
            particle.getValueFactory().setValue(pick.particle());
        } finally {
            following = false;
        }
        refresh();
    }

    /** The user chose a sampler or particle here: the pick follows (the ring on the panels), and the anatomy. */
    private void chosen() {
        if (following) {
            return;
        }
        RunView run = context.run().get();
        if (run != null && sampler.getValue() != null && particle.getValue() != null) {
            int slot = Math.max(0, run.labels().indexOf(sampler.getValue()));
            int p = Math.min(particle.getValue(), run.particles() - 1);
            SessionModel.Pick pick = new SessionModel.Pick(slot, p);
            if (!pick.equals(context.session().pick.get())) {
                context.session().pick.set(pick);
            }
        }
        refresh();
    }

    private void fillSamplers() {
        RunView run = context.run().get();
        if (run == null) {
            return;
        }
        String keep = sampler.getValue();
        boolean was = following;
        following = true;
        try {
            sampler.getItems().setAll(run.labels());
            sampler.setValue(keep != null && run.labels().contains(keep) ? keep : run.labels().get(0));
        } finally {
            following = was;
        }
    }

    void show() {
        stage.show();
        stage.toFront();
        refresh();
    }

    void close() {
        stage.close();
    }

    /** Traces (once per run, sampler and particle) and draws the window's step, off the FX thread. */
    void refresh() {
        RunView run = context.run().get();
        if (run == null || sampler.getValue() == null || !stage.isShowing()) {
            return;
        }
        int slot = Math.max(0, run.labels().indexOf(sampler.getValue()));
        int p = Math.min(particle.getValue(), run.particles() - 1);
        int t = Math.max(1, Math.min(run.steps(), context.session().step.get()));
        TraceKey key = new TraceKey(run.runId(), slot, p);
        List<StepAnatomy> known = key.equals(traced) ? trace : null;
        int request = ++requests;
        message.setText("tracing particle " + p + "…");
        context.executor().start(BackgroundTask.of("Anatomy of a step", progress -> {
            List<StepAnatomy> all = known;
            if (all == null) {
                RunSpec spec = ScenarioBuilder.run(run.scenario(), null);
                all = ParticleTracer.trace(spec, slot, p);
            }
            int index = run.steps() - t;
            AnatomyPicture picture = index < all.size()
                    ? AnatomyPicture.of(SamplerRegistry.create(run.canonicalIds().get(slot)).info(), run.labels().get(slot), slot,
                            all.get(index))
                    : null;
            return new Traced(key, all, picture);
        }).onSuccess(r -> {
            traced = r.key();
            trace = r.trace();
            if (request != requests) {
                return;
            }
            if (r.picture() == null) {
                message.setText("particle " + p + " left the finite numbers before step " + t);
                return;
            }
            view.show(r.picture(), slot);
            AnatomyPicture.Pixels card = r.picture().card();
            equation.setImage(FxImages.of(card.argb(), card.width(), card.height()));
            message.setText("step t = " + t + ": " + r.picture().arrows().size() + " arrows; the terms add up to the update within "
                    + String.format(java.util.Locale.ROOT, "%.1e", all(r.trace(), run.steps() - t)) + " (relative to ‖Yₜ₋₁‖ + 1)");
        }));
    }

    private static double all(List<StepAnatomy> trace, int index) {
        return trace.get(index).worstResidual();
    }

    private record Traced(TraceKey key, List<StepAnatomy> trace, AnatomyPicture picture) {
    }
}
