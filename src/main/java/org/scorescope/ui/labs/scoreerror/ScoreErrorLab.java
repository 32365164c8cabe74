package org.scorescope.ui.labs.scoreerror;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.scorescope.metrics.RealisedScoreError;
import org.scorescope.scenario.Scenario;
import org.scorescope.score.PerturbedScore;
import org.scorescope.score.ScoreError;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.lab.ScenarioField;
import org.scorescope.ui.service.BackgroundTask;

/**
 * Imperfect scores in the window (issue 16, docs/imperfect-scores.md; 001 §2 Assumptions on
 * ε_score and ε_Jacobi, 003 Part 1 "our assumptions: score estimates"): the scenario's
 * {@code scoreError} — its type (a choice here), its size and the field's frequency (scenario
 * fields, saved with the scenario) — and, for every run, the realised ε_score and ε_Jacobi measured
 * over exact draws of q_t on a background job ({@link RealisedScoreError}), with their Monte Carlo
 * errors.
 */
public final class ScoreErrorLab implements Lab {
    /** What the type box shows for the exact score. */
    static final String EXACT = "exact score";
    /** Size a newly chosen type starts with when the scenario had none. */
    static final double FIRST_SIZE = 0.1;
    /** Largest ambient dimension whose Jacobian error is measured (d² entries per draw). */
    private static final int JACOBIAN_DIM = 64;

    private LabContext context;
    private ComboBox<String> type;
    private Label realised;
    private boolean showing;
    private long measuredRun = -1;

    @Override
    public String id() {
        return "score-error";
    }

    @Override
    public String title() {
        return "Imperfect scores";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
    }

    @Override
    public List<ScenarioField> scenarioFields() {
        return List.of(
                new ScenarioField("score-error-size", "size ε (0–1)", ScenarioField.Kind.NUMBER, 0, 1, 0.01,
                        s -> s.scoreError() == null ? 0 : s.scoreError().size(),
                        (s, v) -> s.scoreError() == null ? s : s.withScoreError(s.scoreError().withSize(v))),
                new ScenarioField("score-error-frequency", "field frequency f (0.1–20)", ScenarioField.Kind.NUMBER, 0.1, 20, 0.1,
                        s -> s.scoreError() == null ? 1 : s.scoreError().frequency(),
                        (s, v) -> s.scoreError() == null || !s.scoreError().type().equals("field") ? s : s.withScoreError(withFrequency(s.scoreError(), v))));
    }

    private static ScoreError withFrequency(ScoreError e, double f) {
        return new ScoreError(e.type(), e.size(), f, e.features(), e.seed(), e.direction());
    }

    /** The scenario with a score error of this type ({@link #EXACT}: none), keeping size and frequency. */
    static Scenario withType(Scenario s, String type) {
        if (type == null || type.equals(EXACT)) {
            return s.withScoreError(null);
        }
        ScoreError old = s.scoreError();
        double size = old == null ? FIRST_SIZE : old.size();
        double frequency = old == null ? 1 : old.frequency();
        return s.withScoreError(new ScoreError(type, size, frequency, ScoreError.DEFAULT_FEATURES, old == null ? 1 : old.seed(), null));
    }

    @Override
    public Optional<Node> controlPane() {
        type = new ComboBox<>();
        type.setId("score-error-type");
        type.getItems().add(EXACT);
        type.getItems().addAll(ScoreError.TYPES);
        type.setMaxWidth(Double.MAX_VALUE);
        showType(context.session().scenario());
        context.session().scenarioProperty().addListener((o, a, b) -> showType(b));
        type.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                context.session().edit(s -> withType(s, b));
            }
        });
        realised = new Label("exact score: ε_score = 0");
        realised.setId("score-error-realised");
        realised.setWrapText(true);
        Label hint = new Label("bias and field: ε is ε_score itself; scale: κ; noise-level: δ. "
                + "The field's frequency sets ε_Jacobi at the same ε_score.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        context.run().addListener((o, a, b) -> measure(b));
        measure(context.run().get());
        return Optional.of(new VBox(4, type, realised, hint));
    }

    private void showType(Scenario s) {
        showing = true;
        type.setValue(s.scoreError() == null ? EXACT : s.scoreError().type());
        showing = false;
    }

    /** Measures the realised errors of a run on a background job; a newer run supersedes it. */
    private void measure(RunView run) {
        if (run == null || run.runId() == measuredRun) {
            return;
        }
        measuredRun = run.runId();
        ScoreError e = run.scenario().scoreError();
        if (e == null) {
            realised.setText("exact score: ε_score = 0, ε_Jacobi = 0");
            return;
        }
        realised.setText("measuring ε_score and ε_Jacobi of " + e.id() + " …");
        long id = run.runId();
        boolean jacobian = run.target().dim() <= JACOBIAN_DIM;
        context.executor().start(BackgroundTask.of("Measuring the realised score error", p -> {
            PerturbedScore score = PerturbedScore.of(run.target(), e);
            return RealisedScoreError.measure(score, run.grid(), RealisedScoreError.DEFAULT_SAMPLES, jacobian, run.scenario().seed());
        }).onSuccess(r -> {
            if (measuredRun == id) {
                realised.setText(text(e, r, jacobian));
            }
        }));
    }

    /** "bias:0.1 — realised ε_score = 0.1000 ± 1e-12, ε_Jacobi = 0 ± 0". */
    static String text(ScoreError e, RealisedScoreError r, boolean jacobian) {
        String jac = jacobian ? String.format(Locale.ROOT, "ε_Jacobi = %.4g ± %.1g", r.epsJacobi(), r.epsJacobiSe()) : "ε_Jacobi not measured (d > 64)";
        return String.format(Locale.ROOT, "%s — realised ε_score = %.4g ± %.1g, %s", e.id(), r.epsScore(), r.epsScoreSe(), jac);
    }

    @Override
    public List<Scenario> lectures() {
        return List.of(
                new Scenario("Same ε_score, different ε_Jacobi",
                        "003 Part 1, our assumptions on score estimates: every sampler sees the exact score plus a smooth random field "
                                + "of size ε_score = 0.1. Raise the field's frequency: ε_score stays 0.1, ε_Jacobi grows — the accelerated "
                                + "sampler's guarantee (001) needs the Jacobian assumption, DDIM's does not.",
                        Scenario.TargetSpec.preset("ring8"), Scenario.ScheduleSpec.of("linear"),
                        List.of(Scenario.SamplerSpec.of("ddim"), Scenario.SamplerSpec.of("accel-ddim-ms")), 20, 20_000, 1, null, null,
                        new ScoreError("field", 0.1, 4, ScoreError.DEFAULT_FEATURES, 1, null)),
                new Scenario("A plane in 64 dimensions",
                        "003 Part 2, adaptation to low dimension: a 2D Gaussian placed in R^64 by a random orthonormal frame. "
                                + "The panels show the first two ambient coordinates; the sweep command measures the exact W2 against d.",
                        new Scenario.TargetSpec("gaussian", null, null, null, null, null, null, 64, null,
                                new Scenario.Placement("random", 1, 0, 0, 1)),
                        Scenario.ScheduleSpec.of("linear"), List.of(Scenario.SamplerSpec.of("ddpm")), 50, 10_000, 1, null, null));
    }
}
