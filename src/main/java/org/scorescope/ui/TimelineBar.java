package org.scorescope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;

/**
 * Play/pause, step back and forward, scrub to any step (progress left to right: t = T … 0), speed in
 * steps per second, loop. A bar under the slider shows how far the run has computed. The glyphs are
 * drawn as shapes, so they do not depend on the fonts installed.
 */
final class TimelineBar extends HBox {
    private static final String PLAY = "M0,0 L12,7 L0,14 Z";
    private static final String PAUSE = "M0,0 H4 V14 H0 Z M8,0 H12 V14 H8 Z";
    final Slider slider = new Slider(0, 40, 0);
    final Button play = new Button();
    final Label stepLabel = new Label();
    final ProgressBar computed = new ProgressBar(0);
    private final SVGPath playGlyph = glyph(PLAY);
    /** The glyphs' size relative to 13-px type: they grow with the UI scale, as the text does. */
    private final javafx.beans.binding.DoubleBinding glyphScale = javafx.beans.binding.Bindings.createDoubleBinding(
            () -> stepLabel.getFont().getSize() / UiScale.BASE_PX, stepLabel.fontProperty());

    TimelineBar(SessionModel model, PlaybackController playback) {
        super(8);
        getStyleClass().add("timeline");
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);
        Button first = button(glyph("M0,0 H2 V14 H0 Z M12,0 L3,7 L12,14 Z"), "home", "Back to t = T (Home)", playback::home);
        Button prev = button(glyph("M10,0 L2,7 L10,14 Z"), "back", "One step towards noise (←)", () -> playback.stepBy(1));
        play.setId("play");
        play.setGraphic(scaled(playGlyph));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setFocusTraversable(false);
        play.setOnAction(e -> playback.togglePlay());
        model.playing.addListener((o, a, b) -> {
            playGlyph.setContent(b ? PAUSE : PLAY);
            play.setAccessibleText(b ? "Pause" : "Play");
        });
        play.setAccessibleText("Play");
        Button next = button(glyph("M0,0 L8,7 L0,14 Z"), "forward", "One step towards the output (→)", () -> playback.stepBy(-1));
        Button last = button(glyph("M0,0 L9,7 L0,14 Z M10,0 H12 V14 H10 Z"), "end", "To t = 0 (End)", playback::end);
        slider.setId("scrubber");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(true);
        slider.setFocusTraversable(false);
        computed.setId("computed");
        computed.setMaxWidth(Double.MAX_VALUE);
        computed.setPrefHeight(4);
        computed.setMouseTransparent(true);
        StackPane track = new StackPane(computed, slider);
        StackPane.setAlignment(computed, Pos.BOTTOM_CENTER);
        HBox.setHgrow(track, Priority.ALWAYS);
        stepLabel.setId("step-label");
        stepLabel.setMinWidth(Label.USE_PREF_SIZE);
        Spinner<Double> speed = new Spinner<>(1.0, 60.0, model.speed.get(), 1.0);
        speed.setId("speed");
        speed.setEditable(true);
        Fields.commitOnFocusLoss(speed);
        speed.valueProperty().addListener((o, a, b) -> model.speed.set(b));
        CheckBox loop = new CheckBox("Loop");
        loop.setId("loop");
        loop.selectedProperty().bindBidirectional(model.loop);
        loop.setFocusTraversable(false);
        Label speedLabel = new Label("steps/s (1–60)");
        speedLabel.setMinWidth(Label.USE_PREF_SIZE);
        getChildren().addAll(first, prev, play, next, last, track, stepLabel, speedLabel, speed, loop);
        slider.valueProperty().addListener((o, a, b) -> {
            if (slider.isValueChanging() || slider.isPressed()) {
                playback.scrubTo((int) Math.round(slider.getMax() - b.doubleValue()));
            }
        });
        slider.setOnMouseReleased(e -> playback.scrubTo((int) Math.round(slider.getMax() - slider.getValue())));
    }

    /** Shows the displayed step and how far the run has computed. */
    void show(RunView run, int step) {
        if (run == null) {
            return;
        }
        int steps = run.steps();
        if (slider.getMax() != steps) {
            slider.setMax(steps);
        }
        String text = String.format("t = %d / %d", step, steps);
        if (!text.equals(stepLabel.getText())) {
            stepLabel.setText(text);
        }
        if (!slider.isValueChanging() && !slider.isPressed() && slider.getValue() != steps - step) {
            slider.setValue(steps - step);
        }
        int down = run.computedDown();
        double p = down > steps ? 0 : (double) (steps - down) / steps;
        if (computed.getProgress() != p) {
            computed.setProgress(p);
        }
    }

    private static SVGPath glyph(String path) {
        SVGPath g = new SVGPath();
        g.setContent(path);
        g.getStyleClass().add("glyph");
        return g;
    }

    /** The glyph in a group, scaled with the type (the group's bounds follow, so the button grows). */
    private Node scaled(Node glyph) {
        glyph.scaleXProperty().bind(glyphScale);
        glyph.scaleYProperty().bind(glyphScale);
        return new javafx.scene.Group(glyph);
    }

    private Button button(Node glyph, String id, String tip, Runnable r) {
        Button b = new Button();
        b.setGraphic(scaled(glyph));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> r.run());
        b.setFocusTraversable(false);
        return b;
    }
}
