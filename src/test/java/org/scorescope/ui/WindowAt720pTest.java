package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1280×720 (a projector) with three samplers, as the retaken screenshots showed it:
 * the control column's scroll bar is there and wide enough to see, the scenario and every sampler
 * fit without scrolling, every control of the column is reached by Tab and scrolled into view; the
 * TV chart keeps a usable height; hints are as large as the root's type with contrast ≥ 4.5:1 on
 * their background; Ctrl+= / Ctrl+− / Ctrl+0 scale the type.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowAt720pTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, UiOptions.parse(List.of("--size", "1280x720", "--panels", "3", "--particles", "2000",
                "--ui-scale", "1")));
        // TestFX reuses one stage: a window shown before this one may have left it at another size.
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            window.uiScale().reset();
            window.close();
        });
    }

    private Sidebar sidebar(FxRobot robot) {
        return robot.lookup("#control-scroll").queryAs(Sidebar.class);
    }

    private void firstFrame(FxRobot robot) {
        UiWait.until("first frame", () -> robot.lookup("#caption-2").tryQuery().isPresent()
                && robot.lookup("#caption-2").queryAs(Label.class).getText().contains("t = 40 / 40"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theScenarioAndEverySamplerFitAndTheScrollBarShows(FxRobot robot) {
        firstFrame(robot);
        assertEquals(720, stage.getScene().getHeight(), 0.5);
        Sidebar side = sidebar(robot);
        for (String id : List.of("#target", "#schedule", "#steps", "#seed", "#particles-field", "#sampler-0", "#sampler-1", "#sampler-2",
                "#add-sampler")) {
            Node n = robot.lookup(id).query();
            assertTrue(side.shows(n), id + " is on screen at 1280×720 without scrolling");
        }
        ScrollBar bar = sidebar(robot).lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == Orientation.VERTICAL && b.getParent() == side).findFirst().orElseThrow();
        assertTrue(bar.isVisible() && bar.getWidth() >= 12, "a scroll bar a lecturer sees: " + bar.getWidth() + " px");
        Region thumb = (Region) bar.lookup(".thumb");
        assertTrue(contrast(fill(thumb), fill(bar)) >= 3, "the thumb stands out from its track (WCAG 3:1 for graphics)");
        assertTrue(thumb.getHeight() < bar.getHeight() * 0.9, "there is more below: the thumb is shorter than the track");
        // Every lab's section is listed: folded or not, its title is in the column, below the fold at first.
        List<Node> folds = new ArrayList<>(side.getContent().lookupAll(".fold"));
        assertTrue(folds.size() >= 5, "scenario, samplers, export, layers and the labs");
        assertTrue(!side.shows(folds.get(folds.size() - 1)), "the last section is below the fold at 720p: the bar says so");
    }

    @Test
    void everyControlOfTheColumnIsReachedByTabAndScrolledIntoView(FxRobot robot) {
        firstFrame(robot);
        Sidebar side = sidebar(robot);
        List<Control> wanted = new ArrayList<>();
        robot.interact(() -> collect(side.getContent(), wanted));
        assertTrue(wanted.size() >= 25, "the column's controls: " + wanted.size());
        robot.interact(() -> robot.lookup("#open-lectures").query().requestFocus());
        Set<Control> reached = new LinkedHashSet<>();
        List<String> offScreen = new ArrayList<>();
        for (int i = 0; i < 4 * wanted.size() && reached.size() < wanted.size(); i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Node focus = stage.getScene().getFocusOwner();
            Control c = owner(focus, wanted);
            if (c != null && reached.add(c) && !side.shows(c)) {
                offScreen.add(c.getId() != null ? c.getId() : c.toString());
            }
            robot.type(KeyCode.TAB);
        }
        // A group of radio buttons is one Tab stop (the arrows move inside it), as everywhere.
        List<String> missing = wanted.stream().filter(c -> !reached.contains(c) && !(c instanceof javafx.scene.control.RadioButton r
                && r.getToggleGroup() != null && reached.stream().anyMatch(o -> o instanceof javafx.scene.control.RadioButton q
                        && q.getToggleGroup() == r.getToggleGroup())))
                .map(c -> c.getId() != null ? c.getId() : c.toString()).toList();
        assertTrue(missing.isEmpty(), "not reached by Tab: " + missing);
        assertTrue(offScreen.isEmpty(), "focused but not scrolled into view: " + offScreen);
    }

    /** The focusable controls of the column that a user can reach (visible, enabled). */
    private static void collect(Node n, List<Control> out) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (n instanceof Control c && c.isFocusTraversable() && !(n instanceof javafx.scene.control.ScrollBar)) {
            out.add(c);
            if (!(n instanceof TitledPane)) {
                return;
            }
        }
        if (n instanceof TitledPane t) {
            if (t.isExpanded() && t.getContent() != null) {
                collect(t.getContent(), out);
            }
            return;
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static Control owner(Node focus, List<Control> wanted) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof Control c && wanted.contains(c)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void theTvChartKeepsAUsableHeight(FxRobot robot) {
        firstFrame(robot);
        Region chart = robot.lookup("#tv-chart").queryAs(Region.class);
        UiWait.until("the TV chart laid out", () -> chart.getHeight() > 0);
        assertTrue(chart.getHeight() >= 180, "TV chart " + chart.getHeight() + " px high at 1280×720 (was ~70 px of plot)");
        Region grid = robot.lookup("#panel-grid").queryAs(Region.class);
        assertTrue(grid.getHeight() >= 250, "the panels keep " + grid.getHeight() + " px");
        // Hiding and showing the metrics keeps the height.
        robot.type(KeyCode.M);
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.getHeight() >= 180, "after M, M: " + chart.getHeight());
    }

    @Test
    void largeTypeOnASmallScreenLeavesThePanelsTheirRoomAndZoomingBackRestoresTheChart(FxRobot robot) {
        firstFrame(robot);
        Region chart = robot.lookup("#tv-chart").queryAs(Region.class);
        Region grid = robot.lookup("#panel-grid").queryAs(Region.class);
        Region split = robot.lookup("#center-split").queryAs(Region.class);
        robot.press(KeyCode.CONTROL);
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.EQUALS);
        }
        robot.release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.25, window.uiScale().factor(), 1e-12);
        assertTrue(grid.getHeight() >= 0.5 * split.getHeight(), "at 225 % the panels keep " + grid.getHeight() + " of " + split.getHeight() + " px (scene " + stage.getScene().getHeight() + ")");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.getHeight() >= 180 && grid.getHeight() >= 250,
                "back at 100 %: chart " + chart.getHeight() + " px, panels " + grid.getHeight() + " px (the divider went back)");
    }

    @Test
    void hintsAreAsLargeAsTheTextWithContrastOnTheirBackground(FxRobot robot) {
        firstFrame(robot);
        List<String> bad = new ArrayList<>();
        robot.interact(() -> {
            double root = UiScale.BASE_PX * window.uiScale().factor();
            for (Node n : stage.getScene().getRoot().lookupAll(".hint")) {
                if (!(n instanceof Label l) || !shown(l)) {
                    continue;
                }
                double c = contrast(l.getTextFill(), background(l));
                if (l.getFont().getSize() < root - 0.01 || c < 4.5) {
                    bad.add("'" + l.getText() + "': " + l.getFont().getSize() + " px, contrast " + String.format("%.2f", c));
                }
            }
        });
        assertTrue(bad.isEmpty(), "hints too small or too faint: " + bad);
        assertTrue(stage.getScene().getRoot().lookupAll(".hint").size() >= 5);
    }

    @Test
    void ctrlPlusMinusAndZeroScaleTheType(FxRobot robot) {
        firstFrame(robot);
        Label hint = (Label) stage.getScene().getRoot().lookupAll(".hint").iterator().next();
        assertEquals(13, hint.getFont().getSize(), 0.01);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, window.uiScale().factor(), 1e-12);
        assertEquals(14.3, hint.getFont().getSize(), 0.01);
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.9, window.uiScale().factor(), 1e-12);
        assertEquals(UiScale.saved(), 0.9, 1e-12, "kept in the preferences");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.uiScale().factor(), 1e-12);
        assertEquals(13, hint.getFont().getSize(), 0.01);
        assertEquals(40, window.session().step.get(), "the keys did not step the animation");
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** The first opaque background fill behind a node (the scene's fill at the end). */
    static Paint background(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Region r && r.getBackground() != null) {
                for (int i = r.getBackground().getFills().size() - 1; i >= 0; i--) {
                    Paint f = r.getBackground().getFills().get(i).getFill();
                    if (f instanceof Color c && c.getOpacity() > 0.95) {
                        return c;
                    }
                }
            }
        }
        return n.getScene().getFill();
    }

    private static Paint fill(Region r) {
        return background(r);
    }

    /** WCAG 2 contrast ratio of two colours. */
    static double contrast(Paint a, Paint b) {
        double la = luminance((Color) a);
        double lb = luminance((Color) b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
