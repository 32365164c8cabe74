package org.scorescope.ui.labs.teaching;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scorescope.render.EquationRenderer;
import org.scorescope.teaching.LecturePart;
import org.scorescope.teaching.LectureSequence;
import org.scorescope.teaching.TheoremCard;
import org.scorescope.teaching.TheoremCards;
import org.scorescope.teaching.TheoremCheck;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.FxImages;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.Failures;
import org.scorescope.ui.service.Job;

/**
 * The theorem cards (issue 18): every card of {@link TheoremCards}, grouped by the lecture's six
 * parts ({@link LectureSequence}); on the right the chart of the last check — measured points, the
 * fitted line and the theory's slope or shape dashed ({@link TheoremCheckChart}) — with its verdict.
 * "Check it" runs {@link TheoremCheck} on the window's executor with progress and cancel (the same
 * button cancels); the formulas are typeset there too. The FX thread only draws.
 */
final class TheoremCardsWindow {
    /** Width of a typeset formula at most, in pixels (the card column's width less its padding). */
    static final int FORMULA_WIDTH = 510;
    final Stage stage = new Stage();
    final Map<String, TheoremCardView> views = new LinkedHashMap<>();
    final ChartImage chart;
    final Label verdict = new Label();
    final Label heading = new Label();
    final ScrollPane scroll;
    /** The card whose check the chart shows (FX thread), or null. */
    TheoremCardView shown;
    /** Whether the formulas are typeset (FX thread). */
    boolean formulas;
    /** The card whose Check it was pressed last: its result goes to the chart when it arrives. */
    private TheoremCardView requested;
    private final LabContext context;
    /** The card {@link #reveal} scrolled to, or null. */
    private String revealing;

    TheoremCardsWindow(LabContext context) {
        this.context = context;
        stage.setTitle("ScoreScope — theorem cards");
        stage.initOwner(context.owner());
        VBox list = new VBox(10);
        list.setPadding(new Insets(12));
        for (LecturePart part : LectureSequence.parts()) {
            List<TheoremCard> cards = TheoremCards.ofPart(part.number());
            if (cards.isEmpty()) {
                continue;
            }
            Label h = new Label(part.number() + ". " + part.title());
            h.setId("cards-part-" + part.number());
            h.setWrapText(true);
            h.setStyle("-fx-font-size: 17px; -fx-font-weight: bold; -fx-text-fill: #ffb382; -fx-padding: 8 0 0 0;");
            list.getChildren().add(h);
            for (TheoremCard card : cards) {
                TheoremCardView v = new TheoremCardView(card);
                v.check.setOnAction(e -> check(v));
                v.setOnMouseClicked(e -> {
                    if (v.outcome != null) {
                        show(v);
                    }
                });
                views.put(card.id(), v);
                list.getChildren().add(v);
            }
        }
        scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setId("cards-scroll");
        scroll.setMinWidth(420);
        chart = new ChartImage(context.executor().lane("theorem-check-chart"), "theorem-check", TheoremCheckChart::create);
        chart.setId("cards-chart");
        chart.pollContinuously();
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setVisible(false); // an empty plot until the first check
        heading.setId("cards-heading");
        heading.setWrapText(true);
        heading.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: #ffb382;");
        heading.setText("Press “Check it” on a card: its check runs on the core and its chart appears here.");
        verdict.setId("cards-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Label.USE_PREF_SIZE);
        verdict.setStyle("-fx-font-size: 15px;");
        VBox right = new VBox(8, heading, chart, verdict);
        right.setPadding(new Insets(10));
        right.getStyleClass().add("root-pane");
        SplitPane split = new SplitPane(scroll, right);
        split.setDividerPositions(0.47);
        split.getStyleClass().add("root-pane");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(split, Math.min(1280, screen.getWidth()), Math.min(720, screen.getHeight()));
        context.style(scene);
        stage.setScene(scene);
        typeset();
    }

    /** Typesets every card's formula on the executor, at most {@link #FORMULA_WIDTH} wide; the FX thread only shows them. */
    private void typeset() {
        List<TheoremCard> cards = new ArrayList<>(TheoremCards.all());
        context.executor().start(BackgroundTask.of("Typesetting the theorem cards", p -> {
            List<int[]> pixels = new ArrayList<>();
            List<int[]> sizes = new ArrayList<>();
            for (TheoremCard c : cards) {
                float size = 19;
                int width = EquationRenderer.size(c.formulaTex(), size)[0];
                if (width > FORMULA_WIDTH) {
                    size = Math.max(11, size * FORMULA_WIDTH / width);
                }
                BufferedImage img = premultiplied(EquationRenderer.image(c.formulaTex(), size, new Color(0xECECF1)));
                pixels.add(((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData());
                sizes.add(new int[] {img.getWidth(), img.getHeight()});
            }
            return new Object[] {pixels, sizes};
        }).onSuccess(r -> {
            @SuppressWarnings("unchecked")
            List<int[]> pixels = (List<int[]>) r[0];
            @SuppressWarnings("unchecked")
            List<int[]> sizes = (List<int[]>) r[1];
            for (int i = 0; i < cards.size(); i++) {
                views.get(cards.get(i).id()).formula(FxImages.of(pixels.get(i), sizes.get(i)[0], sizes.get(i)[1]));
            }
            formulas = true;
            javafx.application.Platform.runLater(this::scrollToRevealed);
        }));
    }

    private static BufferedImage premultiplied(BufferedImage img) {
        BufferedImage pre = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        java.awt.Graphics2D g = pre.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return pre;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** Runs a card's check (or cancels the one running); the result reaches the card and the chart. */
    Job<TheoremCheck.Result> check(TheoremCardView v) {
        if (v.job != null) {
            v.job.cancel();
            return v.job;
        }
        TheoremCard card = v.card;
        if (!card.check().runnable()) {
            return null;
        }
        Job<TheoremCheck.Result> job = context.executor().start(BackgroundTask.of("Checking " + card.id(), p -> TheoremCheck.run(card,
                context.engine(), (done, total) -> {
                    p.update((double) done / total, card.id() + ": " + done + " of " + total + " points");
                    p.checkCancelled();
                }))
                .showProgress()
                .onSuccess(r -> {
                    v.done(r);
                    if (requested == v) {
                        show(v);
                    }
                })
                .onFailure(e -> {
                    Failures.LOG.log(Level.WARNING, "theorem check " + card.id() + " failed", e);
                    v.failed(Failures.oneLine(e));
                    if (requested == v) {
                        heading.setText(card.title());
                        verdict.setText("The check failed: " + Failures.oneLine(e));
                        verdict.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: #ff7a7a;");
                    }
                })
                .onCancelled(v::cancelled));
        requested = v;
        v.running(job);
        return job;
    }

    /** Shows a checked card's chart and verdict on the right. */
    void show(TheoremCardView v) {
        TheoremCheck.Result r = v.outcome;
        shown = v;
        heading.setText(v.card.title() + " — " + v.card.prediction());
        verdict.setText(TheoremCheckChart.verdict(r));
        verdict.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: " + (r.passed() ? "#7fe08a" : "#ff7a7a") + ";");
        chart.update(c -> TheoremCheckChart.fill(c, r));
        chart.setVisible(true);
    }

    /**
     * Scrolls the list so that a card is at the top — now and again once the formulas are typeset
     * (they make the cards above it taller).
     */
    void reveal(String id) {
        if (!views.containsKey(id)) {
            throw new IllegalArgumentException("no theorem card '" + id + "'; the cards are " + String.join(", ", views.keySet()));
        }
        revealing = id;
        javafx.application.Platform.runLater(this::scrollToRevealed);
    }

    private void scrollToRevealed() {
        TheoremCardView v = revealing == null ? null : views.get(revealing);
        if (v == null) {
            return;
        }
        stage.getScene().getRoot().applyCss();
        stage.getScene().getRoot().layout();
        // the first card of a part comes with its part's heading
        List<javafx.scene.Node> items = ((VBox) scroll.getContent()).getChildren();
        int at = items.indexOf(v);
        javafx.scene.Node top = at > 0 && items.get(at - 1) instanceof Label ? items.get(at - 1) : v;
        double y = top.getBoundsInParent().getMinY();
        double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 10) / room)));
    }

    /** Cancels running checks and closes. */
    void close() {
        views.values().stream().filter(v -> v.job != null).forEach(v -> v.job.cancel());
        stage.close();
    }
}
