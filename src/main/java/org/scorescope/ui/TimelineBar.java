package org.scorescope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * Play/pause, step back and forward, scrub to any step (progress left to right: t = T … 0), speed in
 * steps per second, loop. A bar under the slider shows how far the run has computed.
 */
final class TimelineBar extends HBox {
    final Slider slider = new Slider(0, 40, 0);
    final Button play = new Button("▶");
    final Label stepLabel = new Label();
    final ProgressBar computed = new ProgressBar(0);

    TimelineBar(Session session, Runnable home, Runnable back, Runnable forward, Runnable end) {
        super(8);
        getStyleClass().add("timeline");
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);
        Button first = button("|◀◀", "home", home);
        Button prev = button("◀|", "back", back);
        play.setId("play");
        play.setOnAction(e -> session.playing.set(!session.playing.get()));
        session.playing.addListener((o, a, b) -> play.setText(b ? "⏸" : "▶"));
        Button next = button("|▶", "forward", forward);
        Button last = button("▶▶|", "end", end);
        slider.setId("scrubber");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(true);
        computed.setId("computed");
        computed.setMaxWidth(Double.MAX_VALUE);
        computed.setPrefHeight(4);
        computed.setMouseTransparent(true);
        StackPane track = new StackPane(computed, slider);
        StackPane.setAlignment(computed, Pos.BOTTOM_CENTER);
        HBox.setHgrow(track, Priority.ALWAYS);
        stepLabel.setId("step-label");
        stepLabel.setMinWidth(110);
        stepLabel.setPrefWidth(110);
        stepLabel.setMaxWidth(110);
        Spinner<Double> speed = new Spinner<>(1.0, 60.0, session.speed.get(), 1.0);
        speed.setId("speed");
        speed.setPrefWidth(80);
        speed.setEditable(true);
        speed.valueProperty().addListener((o, a, b) -> session.speed.set(b));
        CheckBox loop = new CheckBox("Loop");
        loop.setId("loop");
        loop.selectedProperty().bindBidirectional(session.loop);
        getChildren().addAll(first, prev, play, next, last, track, stepLabel, new Label("steps/s (1–60)"), speed, loop);
    }

    private static Button button(String text, String id, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> r.run());
        b.setFocusTraversable(false);
        return b;
    }
}
