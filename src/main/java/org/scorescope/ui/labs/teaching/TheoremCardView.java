package org.scorescope.ui.labs.teaching;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.scorescope.teaching.TheoremCard;
import org.scorescope.teaching.TheoremCheck;
import org.scorescope.ui.service.Job;

/**
 * One theorem card (issue 18): title, the statement in words, its formula (typeset off the FX thread
 * by the window), the source line, the prediction with the tolerance the check holds it to, and
 * "Check it" — disabled, with the reason, when the card's check is not in the core. After a check the
 * card keeps its verdict ("fitted slope 1.86, theory 2 ± 0.15: passes") or the failure in one line.
 * Node ids end in the card's id: {@code check-ID}, {@code result-ID}.
 */
final class TheoremCardView extends VBox {
    final TheoremCard card;
    final Button check = new Button("Check it");
    final Label result = new Label();
    final ProgressBar progress = new ProgressBar(0);
    final ImageView formula = new ImageView();
    final Label tolerance;
    /** The last successful check (FX thread). */
    TheoremCheck.Result outcome;
    /** The running check, or null. */
    Job<TheoremCheck.Result> job;

    TheoremCardView(TheoremCard card) {
        super(6);
        this.card = card;
        getStyleClass().add("theorem-card");
        setPadding(new Insets(10, 12, 10, 12));
        setStyle("-fx-background-color: #22222a; -fx-border-color: #3a3a46; -fx-border-radius: 6; -fx-background-radius: 6;");
        setId("card-" + card.id());
        Label title = new Label(card.title());
        title.setWrapText(true);
        title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: #ffb382;");
        Label statement = text(card.statement(), "-fx-font-size: 14px; -fx-text-fill: #ececf1;");
        formula.setId("formula-" + card.id());
        Label source = text("Source: " + card.source(), "-fx-font-size: 12.5px; -fx-text-fill: #a6a6b3;");
        tolerance = text("Predicts: " + card.prediction() + "   ·   tolerance: " + tolerance(card.check()),
                "-fx-font-size: 13px; -fx-text-fill: #d8d8e0;");
        tolerance.setId("tolerance-" + card.id());
        check.setId("check-" + card.id());
        check.setMinWidth(Button.USE_PREF_SIZE);
        check.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        progress.setPrefWidth(160);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        result.setId("result-" + card.id());
        result.setWrapText(true);
        result.setStyle("-fx-font-size: 13.5px;");
        HBox row = new HBox(10, check, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, statement, formula, source, tolerance, row);
        if (card.check().runnable()) {
            Label how = text("Check: " + card.check().describe(), "-fx-font-size: 12px; -fx-text-fill: #a6a6b3;");
            getChildren().add(getChildren().indexOf(row), how);
        } else {
            check.setDisable(true);
            result.setText("Not checkable here: " + card.check().describe());
            result.setStyle("-fx-font-size: 13px; -fx-text-fill: #c8c8d2;");
        }
        getChildren().add(result);
    }

    private static Label text(String s, String style) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setStyle(style);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    /** The tolerance the card's check holds the measurement to, in a few words. */
    static String tolerance(TheoremCard.Check check) {
        if (check instanceof TheoremCard.ExactSlope c) {
            return "slope " + c.bound().describe(c.order(), c.tolerance());
        } else if (check instanceof TheoremCard.DiscreteSlope c) {
            return "slope " + c.bound().describe(c.order(), c.tolerance());
        } else if (check instanceof TheoremCard.PicardRounds c) {
            return "log-gap slope ≤ −" + org.scorescope.sampler.SamplerId.format(c.rate()) + " per round";
        } else if (check instanceof TheoremCard.GuidanceDecrease c) {
            return "each value below the previous by > " + org.scorescope.sampler.SamplerId.format(c.sigmas()) + " standard errors";
        }
        return "none (not checked here)";
    }

    /** The typeset formula (FX thread). */
    void formula(Image image) {
        formula.setImage(image);
    }

    /** A check started: the button cancels it. */
    void running(Job<TheoremCheck.Result> job) {
        this.job = job;
        check.setText("Cancel");
        progress.progressProperty().bind(job.progressProperty());
        progress.setVisible(true);
        result.setText("checking…");
        result.setStyle("-fx-font-size: 13.5px; -fx-text-fill: #c8c8d2;");
    }

    /** The check's result: the verdict per series. */
    void done(TheoremCheck.Result r) {
        idle();
        outcome = r;
        result.setText(TheoremCheckChart.verdict(r));
        result.setStyle("-fx-font-size: 13.5px; -fx-font-weight: bold; -fx-text-fill: " + (r.passed() ? "#7fe08a" : "#ff7a7a") + ";");
    }

    /** The check failed: the cause in one line. */
    void failed(String line) {
        idle();
        result.setText("The check failed: " + line);
        result.setStyle("-fx-font-size: 13.5px; -fx-font-weight: bold; -fx-text-fill: #ff7a7a;");
    }

    void cancelled() {
        idle();
        result.setText("cancelled");
        result.setStyle("-fx-font-size: 13.5px; -fx-text-fill: #c8c8d2;");
    }

    private void idle() {
        job = null;
        check.setText("Check it");
        progress.progressProperty().unbind();
        progress.setVisible(false);
    }
}
