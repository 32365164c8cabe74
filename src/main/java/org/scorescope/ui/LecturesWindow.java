package org.scorescope.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.scorescope.scenario.LectureScenarios;
import org.scorescope.scenario.Scenario;
import org.scorescope.teaching.LecturePart;
import org.scorescope.teaching.LectureSequence;
import org.scorescope.ui.lab.Lab;

/**
 * The lecture start page, in the order of the lecture (003_1b963510094279b5.txt, its six parts; see
 * {@link LectureSequence}): per part a heading (number and title), its paragraph, its scenarios (one
 * click opens one) and its labs (one click launches the lab) with the lectures each lab brings, listed
 * under the first part that names the lab. Labs no part names follow under their own titles.
 *
 * <p>Button ids: the shipped scenarios keep {@code lecture-<i>}, i their place in
 * {@code assets/scenarios/index.txt}; the labs' lectures follow ({@code lecture-8}, … in page order);
 * a lab's button is {@code part-<n>-lab-<id>}; a part's heading {@code part-<n>}.
 */
final class LecturesWindow {
    final Stage stage = new Stage();
    private final Consumer<Scenario> open;
    private final VBox list = new VBox(10);
    private final Set<String> labsListed = new HashSet<>();
    private int index;

    LecturesWindow(List<Lab> labs, Consumer<Scenario> open, Consumer<Scene> style) {
        this.open = open;
        stage.setTitle("ScoreScope — lectures");
        list.setPadding(new Insets(16));
        List<LectureScenarios.Lecture> shipped = LectureScenarios.all();
        index = shipped.size();
        for (LecturePart part : LectureSequence.parts()) {
            Label heading = ControlPane.section(part.number() + ". " + part.title());
            heading.setId("part-" + part.number());
            heading.getStyleClass().addAll("lecture-heading", "lecture-part");
            list.getChildren().addAll(heading, paragraph(part.paragraph()));
            for (String file : part.scenarios()) {
                for (int i = 0; i < shipped.size(); i++) {
                    if (shipped.get(i).file().equals(file)) {
                        Scenario s = shipped.get(i).scenario();
                        list.getChildren().add(entry(s.title(), s.description(), "lecture-" + i, () -> open.accept(s)));
                    }
                }
            }
            List<Lab> partLabs = labs.stream().filter(l -> part.labs().contains(l.id())).toList();
            if (!partLabs.isEmpty()) {
                FlowPane buttons = new FlowPane(8, 6);
                for (Lab lab : partLabs) {
                    Button b = new Button("Lab: " + lab.title());
                    b.setId("part-" + part.number() + "-lab-" + lab.id());
                    b.setOnAction(e -> launch(lab));
                    if (!launches(lab)) {
                        // A lab without a window of its own (score error) lives in the control pane.
                        b.setText("Lab: " + lab.title() + " (in the control pane)");
                        b.setDisable(true);
                    }
                    buttons.getChildren().add(b);
                }
                list.getChildren().add(buttons);
            }
            partLabs.forEach(this::labLectures);
        }
        List<Lab> others = new ArrayList<>(labs.stream().filter(l -> !labsListed.contains(l.id())).toList());
        for (Lab lab : others) {
            if (!lab.lectures().isEmpty() || !lab.ownLectures().isEmpty()) {
                Label heading = ControlPane.section(lab.title());
                heading.getStyleClass().add("lecture-heading");
                list.getChildren().add(heading);
                labLectures(lab);
            }
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        double height = Math.min(700, Screen.getPrimary().getVisualBounds().getHeight() - 40);
        Scene scene = new Scene(scroll, 760, height);
        style.accept(scene);
        stage.setScene(scene);
    }

    /** The lab's lectures (scenarios, then those it opens itself), once, under the first place it is listed. */
    private void labLectures(Lab lab) {
        if (!labsListed.add(lab.id())) {
            return;
        }
        lab.lectures().forEach(s -> list.getChildren().add(entry(s.title(), s.description(), "lecture-" + index++, () -> open.accept(s))));
        lab.ownLectures().forEach(l -> list.getChildren().add(entry(l.title(), l.description(), "lecture-" + index++, l.open())));
    }

    private static boolean launches(Lab lab) {
        try {
            return lab.getClass().getMethod("launch", String.class).getDeclaringClass() != Lab.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private void launch(Lab lab) {
        try {
            lab.launch("");
            stage.close();
        } catch (IllegalArgumentException e) {
            stage.setTitle("ScoreScope — lectures — " + lab.title() + ": " + e.getMessage());
        }
    }

    private static Label paragraph(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(680);
        l.getStyleClass().add("lecture-text");
        return l;
    }

    private VBox entry(String heading, String paragraph, String id, Runnable run) {
        Label title = new Label(heading);
        title.getStyleClass().add("lecture-title");
        Button b = new Button("Open");
        b.setId(id);
        b.setOnAction(e -> {
            run.run();
            stage.close();
        });
        VBox box = new VBox(4, title, paragraph(paragraph), b);
        box.setPadding(new Insets(0, 0, 0, 12));
        return box;
    }
}
